namespace TwinPlatform.Materials.Prediction;

/// <summary>One prediction of a <see cref="ConformalEnsembleRegressor"/>, in the units of its target.</summary>
/// <param name="Mean">Ensemble mean.</param>
/// <param name="Spread">Standard deviation between ensemble members (model, not predictive, uncertainty).</param>
/// <param name="Lower">Lower end of the conformal interval.</param>
/// <param name="Upper">Upper end of the conformal interval.</param>
/// <param name="Level">Target coverage of [Lower, Upper].</param>
public readonly record struct EnsemblePrediction(double Mean, double Spread, double Lower, double Upper, double Level)
{
    /// <summary>Width of the interval.</summary>
    public double Width => Upper - Lower;

    /// <summary>True if <paramref name="value"/> lies in the interval.</summary>
    public bool Covers(double value) => value >= Lower && value <= Upper;

    /// <summary>
    /// The standard deviation of a normal distribution with the same central interval: half-width
    /// divided by the normal quantile of the level (1.645 at 90%).
    /// </summary>
    public double EquivalentStandardDeviation =>
        0.5 * Width / Core.Uncertainty.NormalDistribution.Quantile(0.5 + (Level / 2.0));
}
