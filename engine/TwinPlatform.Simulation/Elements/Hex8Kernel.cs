using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>8-node trilinear hexahedron (CalculiX C3D8) with full 2x2x2 Gauss integration.</summary>
/// <remarks>
/// Node order: corners 0-3 on the face zeta = -1 at natural (r, s) = (-1,-1), (1,-1), (1,1), (-1,1), corners 4-7 above them
/// at zeta = 1. Stresses are extrapolated to the corners trilinearly through the 8 Gauss points. Fully integrated
/// trilinear hexahedra lock in bending (shear locking): use several elements through the thickness or C3D20(R).
/// </remarks>
public readonly struct Hex8Kernel : IElementKernel
{
    private static ElementRuleSet Rules => ElementRules.Hex8;

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Hex8;

    /// <inheritdoc/>
    public int NodeCount => 8;

    /// <inheritdoc/>
    public int IntegrationPointCount => 8;

    /// <inheritdoc/>
    public IntegrationPoint GetIntegrationPoint(int index) => Rules.Stiffness.Points[index];

    /// <inheritdoc/>
    public void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives) =>
        HexahedronShapes.Linear(r, s, t, shape, naturalDerivatives);

    /// <inheritdoc/>
    public bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness) =>
        IsoparametricMath.Stiffness(8, Rules.Stiffness.Derivatives, Rules.Stiffness.Weights, coordinates, lambdaPa, shearModulusPa, stiffness);

    /// <inheritdoc/>
    public bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains) =>
        IsoparametricMath.Strains(8, Rules.Stiffness.Derivatives, 8, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues) =>
        Rules.Extrapolate(pointValues, components, cornerValues);
}
