namespace TwinPlatform.Materials.Prediction;

/// <summary>Fits the tree ensemble an <see cref="EnsembleOptions.Learner"/> names.</summary>
public static class TreeEnsemble
{
    /// <summary>
    /// An <see cref="ExtraTreesRegressor"/> for <see cref="EnsembleLearner.ExtraTrees"/>, a <see cref="ConformalEnsembleRegressor"/>
    /// of ML.NET members for the others.
    /// </summary>
    public static ITreeEnsemble Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, IReadOnlyList<int> groups, EnsembleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Learner == EnsembleLearner.ExtraTrees
            ? ExtraTreesRegressor.Fit(features, targets, groups, options)
            : ConformalEnsembleRegressor.Fit(features, targets, groups, options);
    }
}
