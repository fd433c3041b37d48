using TwinPlatform.Materials;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Simulation.Constitutive;

namespace TwinPlatform.Prognostics.Blades;

/// <summary>
/// What the blade twin needs from a material passport: elastic constants and density for the ROM,
/// yield and ultimate strength against temperature, and the room-temperature endurance strength.
/// </summary>
/// <remarks>
/// Passport entries: <c>density</c>, <c>youngs_modulus</c>, <c>poissons_ratio</c>,
/// <c>yield_strength_at_&lt;T&gt;K</c>, <c>tensile_strength_at_&lt;T&gt;K</c> and <c>fatigue_strength</c>
/// (fully reversed, at <see cref="EnduranceCycles"/>, at the lowest tabulated temperature). The endurance
/// strength at temperature T is scaled with the ultimate strength, S_e(T) = S_e · S_u(T) / S_u(T_min),
/// a stated approximation in the absence of a fatigue table per temperature.
/// </remarks>
public sealed class BladeMaterial
{
    /// <summary>Passport entry of the density.</summary>
    public const string DensityProperty = "density";

    /// <summary>Passport table of the 0.2% yield strength.</summary>
    public const string YieldTable = "yield_strength";

    /// <summary>Passport table of the ultimate tensile strength.</summary>
    public const string TensileTable = "tensile_strength";

    /// <summary>Creates the view of a passport.</summary>
    /// <exception cref="KeyNotFoundException">An entry is missing.</exception>
    public BladeMaterial(MaterialPassport passport, double enduranceCycles = 1e7)
    {
        ArgumentNullException.ThrowIfNull(passport);
        Passport = passport;
        DensityKgPerM3 = passport[DensityProperty].Value.Mean;
        YoungsModulusPa = passport[MaterialPropertyNames.YoungsModulus].Value.Mean;
        PoissonRatio = passport[MaterialPropertyNames.PoissonsRatio].Value.Mean;
        Yield = TemperatureTable.FromPassport(passport, YieldTable);
        Ultimate = TemperatureTable.FromPassport(passport, TensileTable);
        EnduranceStrengthPa = passport[MaterialPropertyNames.FatigueStrength].Value.Mean;
        EnduranceCycles = enduranceCycles;
        ReferenceUltimatePa = Ultimate.At(Ultimate.MinTemperatureK).Mean;
    }

    /// <summary>The passport.</summary>
    public MaterialPassport Passport { get; }

    /// <summary>Density, kg/m³.</summary>
    public double DensityKgPerM3 { get; }

    /// <summary>Young's modulus, Pa.</summary>
    public double YoungsModulusPa { get; }

    /// <summary>Poisson's ratio.</summary>
    public double PoissonRatio { get; }

    /// <summary>0.2% yield strength against temperature.</summary>
    public TemperatureTable Yield { get; }

    /// <summary>Ultimate tensile strength against temperature.</summary>
    public TemperatureTable Ultimate { get; }

    /// <summary>Fully reversed endurance strength at <see cref="EnduranceCycles"/> at the lowest tabulated temperature, Pa.</summary>
    public double EnduranceStrengthPa { get; }

    /// <summary>Cycles of the endurance strength.</summary>
    public double EnduranceCycles { get; }

    /// <summary>Ultimate strength at the lowest tabulated temperature, Pa.</summary>
    public double ReferenceUltimatePa { get; }

    /// <summary>The elastic law (with density) for the ROM's solve.</summary>
    public IsotropicElastic Elastic() => new(YoungsModulusPa, PoissonRatio, DensityKgPerM3);

    /// <summary>The stress-life curve at <paramref name="temperatureK"/>.</summary>
    public FatigueCurve FatigueAt(double temperatureK)
    {
        var su = Ultimate.At(temperatureK).Mean;
        return new FatigueCurve(su, EnduranceStrengthPa * su / ReferenceUltimatePa, EnduranceCycles);
    }
}
