namespace TwinPlatform.Twins.Systems;

/// <summary>Gives a system the compliance of its components at their support points.</summary>
public interface IComponentCompliance
{
    /// <summary>
    /// Displacement along the load direction at a named point of a component per unit load of a load case,
    /// m/N, with its relative standard uncertainty (from the material's modulus).
    /// </summary>
    (double ComplianceMPerN, double RelativeStd) Compliance(string componentId, string loadCase, string point);
}
