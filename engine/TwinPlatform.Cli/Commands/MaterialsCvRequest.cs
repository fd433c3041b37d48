using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Cli.Commands;

/// <summary>The options of <c>twin materials cv</c>.</summary>
/// <param name="Data">Data file.</param>
/// <param name="Mapping">Mapping file.</param>
/// <param name="Target">Target property.</param>
public sealed record MaterialsCvRequest(string Data, string Mapping, string Target)
{
    /// <summary>Folds.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Repetitions.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Fold seed.</summary>
    public int Seed { get; init; } = 18012019;

    /// <summary>Fold scheme: grouped or matbench.</summary>
    public string Scheme { get; init; } = "grouped";

    /// <summary>Grouping: row, composition or material.</summary>
    public string Group { get; init; } = "composition";

    /// <summary>Condition filters.</summary>
    public IReadOnlyList<string> Where { get; init; } = [];

    /// <summary>Provenance kinds.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>The provenance kinds the model is trained on: <see cref="Kinds"/>, or <c>experiment</c> when none are given.</summary>
    public IReadOnlyList<string> TrainedOn => Kinds.Count == 0 ? ["experiment"] : Kinds;

    /// <summary>Feature groups.</summary>
    public string Features { get; init; } = "all";

    /// <summary>blend, stack or trees.</summary>
    public string Model { get; init; } = "blend";

    /// <summary>Tree learner.</summary>
    public string Learner { get; init; } = "lightgbm";

    /// <summary>Bootstrap members.</summary>
    public int Ensemble { get; init; } = 32;

    /// <summary>Boosting scheme of LightGBM members: gradient or dart.</summary>
    public string Booster { get; init; } = "gradient";

    /// <summary>none, or huber: tree members trained again with Huber weights of their out-of-bag residuals.</summary>
    public string Robust { get; init; } = "none";

    /// <summary>How the tree members are combined: mean or median.</summary>
    public string Aggregate { get; init; } = "mean";

    /// <summary>Trees per member.</summary>
    public int Trees { get; init; } = 300;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 8;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Minimum rows per leaf.</summary>
    public int MinimumLeaf { get; init; } = 3;

    /// <summary>Inner-CV tuning of the trees.</summary>
    public bool Tune { get; init; }

    /// <summary>With the stack model: include the ridge regression.</summary>
    public bool Ridge { get; init; } = true;

    /// <summary>Gaussian-process kernel: exponential, matern32, matern52 or squared-exponential.</summary>
    public string GpKernel { get; init; } = "exponential";

    /// <summary>Gaussian process with one length scale per feature.</summary>
    public bool GpArd { get; init; }

    /// <summary>K-fold cross-fitted tree members (0 = bootstrap).</summary>
    public int CrossFit { get; init; }

    /// <summary>Feature groups of the stack's Gaussian process and ridge (null: <see cref="Features"/>).</summary>
    public string? GpFeatures { get; init; }

    /// <summary>Fraction of the features each tree may use.</summary>
    public double FeatureFraction { get; init; } = 0.8;

    /// <summary>Inner folds on which the stack's Gaussian process is refitted to choose the weights (0: closed-form leave-one-out).</summary>
    public int GpRefitFolds { get; init; }

    /// <summary>Weights of the linear kernel term of the Gaussian process to choose from, comma-separated (null: none, the stationary kernel alone).</summary>
    public string? GpLinear { get; init; }

    /// <summary>How the Gaussian process ranks its grid points: ml (marginal likelihood) or loo (closed-form leave-one-group-out MAE).</summary>
    public string GpCriterion { get; init; } = "ml";

    /// <summary>Refine the Gaussian process's grid points by marginal likelihood.</summary>
    public bool GpOptimise { get; init; }

    /// <summary>With the stack model: add a FastForest random forest on the trees' features as a member.</summary>
    public bool StackForest { get; init; }

    /// <summary>With the stack model: values of k of a nearest-neighbour member on the process's features, comma-separated (null: none).</summary>
    public string? StackNeighbours { get; init; }

    /// <summary>With the stack model: feature groups of a second Gaussian process member (null: none).</summary>
    public string? Gp2Features { get; init; }

    /// <summary>With the stack model: add the trees plus a Gaussian process of their out-of-bag residuals as a member.</summary>
    public bool StackResidualGp { get; init; }

    /// <summary>With the stack model: separate weights for queries near the training data and far from it (by the process's sd).</summary>
    public bool StackGate { get; init; }

    /// <summary>Target transform: none, log or box-cox.</summary>
    public string TargetTransform { get; init; } = "none";

    /// <summary>Interval level.</summary>
    public double Level { get; init; } = 0.90;

    /// <summary>Seed of the model's random choices (the ensemble's seed; each fold adds its number).</summary>
    public int ModelSeed { get; init; } = new EnsembleOptions().Seed;

    /// <summary>
    /// Other pipelines to choose among with this one inside every training fold by inner cross-validation, each as
    /// <c>option=value</c> pairs separated by <c>;</c> that override this request's settings (for example <c>target-transform=log</c>).
    /// </summary>
    public IReadOnlyList<string> SelectFrom { get; init; } = [];

    /// <summary>Inner folds of the pipeline selection.</summary>
    public int SelectionFolds { get; init; } = 5;

    /// <summary>CSV file to write every held-out prediction to (row, fold, name, formula, actual, mean, sd, interval), or null for none.</summary>
    public string? PredictionsOut { get; init; }

    /// <summary>JSON output.</summary>
    public bool Json { get; init; }
}
