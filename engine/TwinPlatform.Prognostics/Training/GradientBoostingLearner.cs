namespace TwinPlatform.Prognostics.Training;

/// <summary>The ML.NET gradient-boosted tree trainer of an ensemble member.</summary>
public enum GradientBoostingLearner
{
    /// <summary>LightGBM through Microsoft.ML.LightGbm (leaf-wise growth, histogram splits).</summary>
    LightGbm,

    /// <summary>ML.NET FastTree (MART).</summary>
    FastTree,
}
