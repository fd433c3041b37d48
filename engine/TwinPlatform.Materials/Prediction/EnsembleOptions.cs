namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Settings of a <see cref="ConformalEnsembleRegressor"/>: the bootstrap ensemble of gradient-boosted
/// tree regressors (ML.NET FastTree) and the interval level.
/// </summary>
/// <remarks>Training is deterministic for a given <see cref="Seed"/>, whatever the number of threads.</remarks>
public sealed record EnsembleOptions
{
    /// <summary>The trainer of every member (FastTree unless stated; manifests of FastTree models do not write it).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EnsembleLearner>))]
    public EnsembleLearner Learner { get; init; }

    /// <summary>Boosting scheme of LightGBM members (gradient boosting unless stated); FastTree and FastForest members ignore it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LightGbmBooster>))]
    public LightGbmBooster Booster { get; init; }

    /// <summary>
    /// How the members' predictions are combined into the point prediction and the out-of-bag prediction of a training row
    /// (mean unless stated). The spread is the standard deviation between members either way.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EnsembleAggregation>))]
    public EnsembleAggregation Aggregation { get; init; }

    /// <summary>Members of the bootstrap ensemble. With grouped bootstrap each group is out of bag for about 37% of them.</summary>
    public int EnsembleSize { get; init; } = 32;

    /// <summary>
    /// 0: every member trains on a grouped bootstrap sample. K &gt;= 2: members train on K-fold splits of the groups
    /// instead (member m leaves out fold m mod K of split m / K, each split a fresh shuffle), so every member sees
    /// (K-1)/K of the groups and each group is out of bag for about EnsembleSize / K members.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int CrossFitFolds { get; init; }

    /// <summary>
    /// Train the members twice: the second time every row weighted by Huber's weight of its out-of-bag residual from the
    /// first, <c>min(1, 1.345 s / |r|)</c> with <c>s</c> = 1.4826 × the median absolute residual, so a row its neighbours
    /// contradict pulls their predictions less. The interval and out-of-bag predictions are those of the second training.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool HuberRefit { get; init; }

    /// <summary>Boosted trees per member.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 8;

    /// <summary>Minimum training rows in a leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 3;

    /// <summary>Boosting learning rate (shrinkage).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Fraction of features each tree may use (adds diversity between members).</summary>
    public double FeatureFraction { get; init; } = 0.8;

    /// <summary>Central coverage probability of the prediction interval.</summary>
    public double Level { get; init; } = 0.90;

    /// <summary>Seed of the bootstrap draws and of every member.</summary>
    public int Seed { get; init; } = 20200601;

    /// <summary>Threads used to train members in parallel (results do not depend on it; not stored in manifests).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Refuses settings that cannot work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (EnsembleSize < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(EnsembleSize), EnsembleSize, "at least 8 members are needed for out-of-bag calibration");
        }

        if (CrossFitFolds is 1 or < 0 || CrossFitFolds > EnsembleSize / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossFitFolds), CrossFitFolds, "expected 0 (bootstrap) or 2..EnsembleSize/2 folds");
        }

        if (!Enum.IsDefined(Booster) || !Enum.IsDefined(Aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(Booster), $"unknown booster {Booster} or aggregation {Aggregation}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfTrees, 1, nameof(NumberOfTrees));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfLeaves, 2, nameof(NumberOfLeaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumExampleCountPerLeaf, 1, nameof(MinimumExampleCountPerLeaf));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        if (LearningRate is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "expected 0 < rate <= 1");
        }

        if (FeatureFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FeatureFraction), FeatureFraction, "expected 0 < fraction <= 1");
        }

        if (Level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "expected 0 < level < 1");
        }
    }
}
