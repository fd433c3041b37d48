namespace TwinPlatform.Prognostics.Training;

/// <summary>Settings of one gradient-boosted tree model in the remaining-useful-life ensemble.</summary>
public sealed record RulMemberOptions
{
    /// <summary>The trainer.</summary>
    public GradientBoostingLearner Learner { get; init; } = GradientBoostingLearner.LightGbm;

    /// <summary>Boosting rounds (trees).</summary>
    public int NumberOfTrees { get; init; } = 400;

    /// <summary>Leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 16;

    /// <summary>Shrinkage per round.</summary>
    public double LearningRate { get; init; } = 0.03;

    /// <summary>Fewest training samples in a leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 50;

    /// <summary>Fraction of features each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 0.5;

    /// <summary>Fraction of samples each tree sees (LightGBM bagging every round; 1 = all).</summary>
    public double SubsampleFraction { get; init; } = 0.8;

    /// <summary>L2 penalty on leaf values (LightGBM).</summary>
    public double L2Regularization { get; init; } = 1.0;

    /// <summary>Seed of the trainer's random choices.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A short description: <c>LightGbm 400x16 lr 0.03 ff 0.5 ss 0.8 min 50 seed 1</c>.</summary>
    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Learner} {NumberOfTrees}x{NumberOfLeaves} lr {LearningRate:G3} ff {FeatureFraction:G3} ss {SubsampleFraction:G3} min {MinimumExampleCountPerLeaf} l2 {L2Regularization:G3} seed {Seed}");
}
