using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Uncertainty;

/// <summary>
/// A property as it leaves a predictor or a test: a distribution in SI, its dimension, where it
/// came from, and whether the query lay inside the model's applicability domain.
/// </summary>
/// <param name="Value">Mean, standard deviation and interval, in SI.</param>
/// <param name="Dimension">Physical dimension of the value.</param>
/// <param name="Provenance">Origin of the value.</param>
/// <param name="InApplicabilityDomain">False when a prediction extrapolates beyond its training data; true for measurements.</param>
public sealed record UncertainQuantity(
    UncertainValue Value,
    Dimension Dimension,
    Provenance Provenance,
    bool InApplicabilityDomain = true)
{
    /// <summary>The mean as a <see cref="Quantity"/>.</summary>
    public Quantity Mean => new(Value.Mean, Dimension);

    /// <summary>The value in a display unit: (mean, sd, lower, upper).</summary>
    public (double Mean, double StandardDeviation, double Lower, double Upper) In(Unit unit)
    {
        if (unit.Dimension != Dimension)
        {
            throw new UnitException($"'{unit.Symbol}' is a {unit.Dimension.Name}; this value is a {Dimension.Name}");
        }

        return (unit.FromSI(Value.Mean), Value.StandardDeviation / unit.Scale, unit.FromSI(Value.Lower), unit.FromSI(Value.Upper));
    }
}
