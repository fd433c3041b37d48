namespace TwinPlatform.Materials;

/// <summary>
/// The property names the materials layer uses in passports, model manifests and scene
/// <c>lab</c> entries. Snake case, as written in scene files and JSON.
/// </summary>
public static class MaterialPropertyNames
{
    /// <summary>Rotating-bending fatigue strength at 1e7 cycles (Pa).</summary>
    public const string FatigueStrength = "fatigue_strength";

    /// <summary>Ultimate tensile strength (Pa).</summary>
    public const string TensileStrength = "tensile_strength";

    /// <summary>Young's modulus (Pa).</summary>
    public const string YoungsModulus = "youngs_modulus";

    /// <summary>Poisson's ratio (dimensionless).</summary>
    public const string PoissonsRatio = "poissons_ratio";
}
