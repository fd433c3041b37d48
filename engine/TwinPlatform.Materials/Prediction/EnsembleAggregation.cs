namespace TwinPlatform.Materials.Prediction;

/// <summary>How a <see cref="ConformalEnsembleRegressor"/> combines its members' predictions into its point prediction.</summary>
public enum EnsembleAggregation
{
    /// <summary>The mean of the members.</summary>
    Mean,

    /// <summary>The median of the members (less pulled by a few outlying members; the same for the out-of-bag predictions).</summary>
    Median,
}
