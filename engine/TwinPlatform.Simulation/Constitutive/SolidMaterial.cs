namespace TwinPlatform.Simulation.Constitutive;

/// <summary>
/// A material record for the analyses: any property may be absent (null). An analysis that needs an absent
/// property fails with a <see cref="ModelException"/> naming the material and the property. SI units.
/// </summary>
/// <remarks>
/// Maps one to one onto a CalculiX <c>*MATERIAL</c>: <c>*ELASTIC</c> (isotropic) gives
/// <see cref="YoungsModulusPa"/> and <see cref="PoissonRatio"/>, <c>*DENSITY</c> gives
/// <see cref="DensityKgPerM3"/>, <c>*EXPANSION, ZERO=T</c> gives <see cref="ThermalExpansionPerK"/> (secant
/// coefficient) and <see cref="ExpansionReferenceTemperatureK"/>, <c>*CONDUCTIVITY</c> and
/// <c>*SPECIFIC HEAT</c> give the thermal properties. Properties are constant (no temperature dependence).
/// </remarks>
/// <example>
/// <code>
/// var steel = new SolidMaterial("STEEL") { YoungsModulusPa = 210e9, PoissonRatio = 0.3, DensityKgPerM3 = 7850 };
/// </code>
/// </example>
/// <param name="Name">Name used in messages (the deck's material name).</param>
public sealed record SolidMaterial(string Name)
{
    /// <summary>Young's modulus E, Pa (&gt; 0).</summary>
    public double? YoungsModulusPa { get; init; }

    /// <summary>Poisson's ratio, in (-1, 0.5).</summary>
    public double? PoissonRatio { get; init; }

    /// <summary>Mass density, kg/m^3 (&gt;= 0).</summary>
    public double? DensityKgPerM3 { get; init; }

    /// <summary>
    /// Secant coefficient of thermal expansion alpha, 1/K: the thermal strain is
    /// alpha (T - T_ref) - alpha (T0 - T_ref) = alpha (T - T0) for the constant coefficient held here.
    /// </summary>
    public double? ThermalExpansionPerK { get; init; }

    /// <summary>Reference temperature of the secant coefficient (CalculiX ZERO=), K; 0 if absent. With a constant coefficient it cancels.</summary>
    public double? ExpansionReferenceTemperatureK { get; init; }

    /// <summary>Isotropic thermal conductivity k, W/(m K) (&gt; 0).</summary>
    public double? ConductivityWPerMK { get; init; }

    /// <summary>Specific heat capacity, J/(kg K) (&gt; 0; for transient heat, not used by the steady analyses).</summary>
    public double? SpecificHeatJPerKgK { get; init; }

    /// <summary>The isotropic elastic law of <paramref name="material"/> (name "material").</summary>
    public static SolidMaterial FromElastic(IsotropicElastic material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return new SolidMaterial("material")
        {
            YoungsModulusPa = material.YoungsModulusPa,
            PoissonRatio = material.PoissonRatio,
            DensityKgPerM3 = material.DensityKgPerM3 > 0 ? material.DensityKgPerM3 : null,
        };
    }

    /// <summary>Checks that every present property is in range.</summary>
    /// <exception cref="ModelException">A property is out of range; the message names the material and property.</exception>
    public void Validate()
    {
        Check(YoungsModulusPa, "Young's modulus (Pa)", static v => v > 0);
        Check(PoissonRatio, "Poisson's ratio", static v => v > -1 && v < 0.5);
        Check(DensityKgPerM3, "density (kg/m^3)", static v => v >= 0);
        Check(ThermalExpansionPerK, "thermal expansion coefficient (1/K)", static v => v > -1 && v < 1);
        Check(ExpansionReferenceTemperatureK, "expansion reference temperature (K)", static _ => true);
        Check(ConductivityWPerMK, "conductivity (W/(m K))", static v => v > 0);
        Check(SpecificHeatJPerKgK, "specific heat (J/(kg K))", static v => v > 0);
    }

    /// <summary>The elastic law; throws if E or nu is absent.</summary>
    /// <param name="analysis">Analysis name for the message ("static", "frequency").</param>
    /// <exception cref="ModelException">E or nu is absent.</exception>
    public IsotropicElastic RequireElastic(string analysis)
    {
        var e = Require(YoungsModulusPa, "Young's modulus (*ELASTIC)", analysis);
        var nu = Require(PoissonRatio, "Poisson's ratio (*ELASTIC)", analysis);
        return new IsotropicElastic(e, nu, DensityKgPerM3 ?? 0);
    }

    /// <summary>The value of a property that an analysis needs.</summary>
    /// <exception cref="ModelException">The property is absent; the message names material, property and analysis.</exception>
    public double Require(double? value, string property, string analysis) =>
        value ?? throw new ModelException($"material '{Name}' has no {property}, which the {analysis} analysis needs; add it to the material");

    private void Check(double? value, string property, Func<double, bool> valid)
    {
        if (value is { } v && (!double.IsFinite(v) || !valid(v)))
        {
            throw new ModelException($"material '{Name}': {property} = {v} is out of range");
        }
    }
}
