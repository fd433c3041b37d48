using TwinPlatform.Core.Graph;

namespace TwinPlatform.Twins.Components;

/// <summary>
/// A component's reduced-order model: the strain and displacement at its named points per unit
/// load of each load case, from a linear-elastic finite-element solve at a reference modulus.
/// </summary>
/// <remarks>
/// Exact for linear elasticity of one isotropic material: responses add over load cases and scale
/// with the load, and at fixed Poisson's ratio they scale with E_ref / E. The numerical uncertainty
/// comes from comparing the fine mesh with a coarser one (see <c>ComponentRomBuilder</c>).
/// </remarks>
public sealed class ComponentRom
{
    private readonly Dictionary<(string LoadCase, string Point), PointResponse> _responses;
    private readonly Dictionary<(string LoadCase, string Point), PointResponse> _coarse;

    /// <summary>Creates the model from its responses.</summary>
    public ComponentRom(
        string componentId,
        double referenceModulusPa,
        double poissonRatio,
        Dictionary<(string LoadCase, string Point), PointResponse> responses,
        Dictionary<(string LoadCase, string Point), PointResponse> coarseResponses,
        double refinementRatio)
    {
        ComponentId = componentId;
        ReferenceModulusPa = referenceModulusPa;
        PoissonRatio = poissonRatio;
        _responses = responses;
        _coarse = coarseResponses;
        RefinementRatio = refinementRatio;
    }

    /// <summary>The component.</summary>
    public string ComponentId { get; }

    /// <summary>The modulus the responses were computed at, Pa.</summary>
    public double ReferenceModulusPa { get; }

    /// <summary>Poisson's ratio of the solve.</summary>
    public double PoissonRatio { get; }

    /// <summary>Coarse-to-fine element size ratio of the numerical-uncertainty estimate.</summary>
    public double RefinementRatio { get; }

    /// <summary>The response at a point to a unit load case.</summary>
    public PointResponse Response(string loadCase, string point) =>
        _responses.TryGetValue((loadCase, point), out var r) ? r : throw new KeyNotFoundException($"no response of load case '{loadCase}' at point '{point}'");

    /// <summary>Normal strain along <paramref name="direction"/> at a point per newton of a load case, at modulus <paramref name="modulusPa"/>.</summary>
    public double StrainPerNewton(string loadCase, string point, Vector3d direction, double modulusPa) =>
        Response(loadCase, point).StrainAlong(direction) * ReferenceModulusPa / modulusPa;

    /// <summary>Displacement along <paramref name="direction"/> at a point per newton, m/N, at modulus <paramref name="modulusPa"/>.</summary>
    public double DisplacementPerNewton(string loadCase, string point, Vector3d direction, double modulusPa) =>
        Response(loadCase, point).DisplacementM.Dot(direction) * ReferenceModulusPa / modulusPa;

    /// <summary>
    /// Relative numerical uncertainty of the directional strain at a point: the fine-coarse difference
    /// extrapolated as for a second-order method, |f - c| / (r^2 - 1) / |f| (Roache's grid convergence
    /// estimate without the safety factor, since it is used as a standard uncertainty).
    /// </summary>
    public double StrainRelativeNumericalUncertainty(string loadCase, string point, Vector3d direction)
    {
        if (!_coarse.TryGetValue((loadCase, point), out var coarse))
        {
            return 0;
        }

        var f = Response(loadCase, point).StrainAlong(direction);
        var c = coarse.StrainAlong(direction);
        return Math.Abs(f - c) / ((RefinementRatio * RefinementRatio) - 1) / Math.Abs(f);
    }

    /// <summary>The same estimate for the displacement along a direction.</summary>
    public double DisplacementRelativeNumericalUncertainty(string loadCase, string point, Vector3d direction)
    {
        if (!_coarse.TryGetValue((loadCase, point), out var coarse))
        {
            return 0;
        }

        var f = Response(loadCase, point).DisplacementM.Dot(direction);
        var c = coarse.DisplacementM.Dot(direction);
        return Math.Abs(f - c) / ((RefinementRatio * RefinementRatio) - 1) / Math.Abs(f);
    }
}
