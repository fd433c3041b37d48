namespace TwinPlatform.Materials.Prediction;

/// <summary>The ML.NET regression trainer of every member of a <see cref="ConformalEnsembleRegressor"/>.</summary>
public enum EnsembleLearner
{
    /// <summary>ML.NET FastTree gradient-boosted regression trees (MART).</summary>
    FastTree,

    /// <summary>ML.NET LightGBM gradient-boosted trees (leaf-wise growth).</summary>
    LightGbm,

    /// <summary>ML.NET FastForest random forest (each member a forest of <see cref="EnsembleOptions.NumberOfTrees"/> trees).</summary>
    FastForest,
}
