namespace TwinPlatform.Materials.Prediction;

/// <summary>The learner of every member of a tree ensemble (<see cref="TreeEnsemble.Fit"/>).</summary>
public enum EnsembleLearner
{
    /// <summary>ML.NET FastTree gradient-boosted regression trees (MART).</summary>
    FastTree,

    /// <summary>ML.NET LightGBM gradient-boosted trees (leaf-wise growth).</summary>
    LightGbm,

    /// <summary>ML.NET FastForest random forest (each member a forest of <see cref="EnsembleOptions.NumberOfTrees"/> trees).</summary>
    FastForest,

    /// <summary>Extremely randomised trees grown by TwinPlatform (<see cref="ExtraTreesRegressor"/>; each member one tree, not an ML.NET model).</summary>
    ExtraTrees,
}
