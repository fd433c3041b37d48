using TwinPlatform.Materials.Features;

namespace TwinPlatform.Materials.Prediction;

/// <summary>How a <see cref="RecordModel"/> is built: features, ensemble, optional tuning, domain.</summary>
public sealed record RecordModelOptions
{
    /// <summary>Feature groups.</summary>
    public RecordFeatureOptions Features { get; init; } = RecordFeatureOptions.All;

    /// <summary>Ensemble settings (when <see cref="Candidates"/> is given, its ensemble size, level and seed still apply).</summary>
    public EnsembleOptions Ensemble { get; init; } = new();

    /// <summary>Settings to choose from by inner cross-validation on the training rows, or null to use <see cref="Ensemble"/> as it is.</summary>
    public IReadOnlyList<EnsembleOptions>? Candidates { get; init; }

    /// <summary>Blend the trees with a Gaussian process (weight and hyperparameters chosen on the training rows), or null for trees only.</summary>
    public BlendOptions? Blend { get; init; }

    /// <summary>Stack the trees with a Gaussian process and a ridge regression (weights chosen on the training rows), or null; takes precedence over <see cref="Blend"/>.</summary>
    public StackOptions? Stack { get; init; }

    /// <summary>
    /// Feature groups of the Gaussian process and ridge of a <see cref="Stack"/>, or null for <see cref="Features"/>;
    /// the trees always see <see cref="Features"/>. The featuriser computes the union of both.
    /// </summary>
    public RecordFeatureOptions? ProcessFeatures { get; init; }

    /// <summary>
    /// Transform of the target the regressor is fitted on (fitted to the training targets; predictions and intervals are
    /// transformed back); <see cref="TargetTransform.None"/> by default.
    /// </summary>
    public TargetTransform TargetTransform { get; init; }

    /// <summary>Feature groups of a second Gaussian process in a <see cref="Stack"/> (for example mass fractions beside atom fractions), or null for none.</summary>
    public RecordFeatureOptions? SecondProcessFeatures { get; init; }

    /// <summary>
    /// Other pipelines to choose among, with this one (candidate 0), by inner cross-validation on the training rows
    /// (<see cref="PipelineSelection"/>), or null to fit this pipeline as it is. The chosen one is then fitted on all training rows.
    /// </summary>
    public IReadOnlyList<RecordModelOptions>? Alternatives { get; init; }

    /// <summary>Inner folds of the pipeline selection (<see cref="Alternatives"/>).</summary>
    public int SelectionFolds { get; init; } = 5;

    /// <summary>Inner folds of the tuning.</summary>
    public int TuningFolds { get; init; } = 5;

    /// <summary>Identity weight of the domain's shrunk correlation matrix.</summary>
    public double DomainShrinkage { get; init; } = 0.1;

    /// <summary>Percentile of leave-one-group-out distances used as domain threshold.</summary>
    public double DomainPercentile { get; init; } = 0.99;

    /// <summary>
    /// The tuning grid the benchmarks and <c>twin materials cv --tune</c> use: FastTree and LightGBM
    /// boosting at two depths and two learning rates, and a FastForest random forest.
    /// </summary>
    public static IReadOnlyList<EnsembleOptions> DefaultGrid(EnsembleOptions baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return
        [
            baseline with { Learner = EnsembleLearner.FastTree, NumberOfTrees = 300, NumberOfLeaves = 8, LearningRate = 0.05, MinimumExampleCountPerLeaf = 3 },
            baseline with { Learner = EnsembleLearner.FastTree, NumberOfTrees = 300, NumberOfLeaves = 16, LearningRate = 0.05, MinimumExampleCountPerLeaf = 2 },
            baseline with { Learner = EnsembleLearner.FastTree, NumberOfTrees = 600, NumberOfLeaves = 4, LearningRate = 0.05, MinimumExampleCountPerLeaf = 3 },
            baseline with { Learner = EnsembleLearner.LightGbm, NumberOfTrees = 400, NumberOfLeaves = 8, LearningRate = 0.03, MinimumExampleCountPerLeaf = 3 },
            baseline with { Learner = EnsembleLearner.FastForest, NumberOfTrees = 100, NumberOfLeaves = 32, MinimumExampleCountPerLeaf = 2, FeatureFraction = 0.5 },
        ];
    }
}
