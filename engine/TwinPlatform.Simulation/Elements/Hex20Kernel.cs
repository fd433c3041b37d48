using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>20-node serendipity hexahedron (CalculiX C3D20) with full 3x3x3 Gauss integration.</summary>
/// <remarks>
/// Node order: corners as <see cref="Hex8Kernel"/>, then mid-edge nodes 8 (0,1), 9 (1,2), 10 (2,3), 11 (3,0), 12 (4,5),
/// 13 (5,6), 14 (6,7), 15 (7,4), 16 (0,4), 17 (1,5), 18 (2,6), 19 (3,7) — also VTK_QUADRATIC_HEXAHEDRON's order.
/// Stresses are extrapolated to the corners through the triquadratic polynomial of the 27 points.
/// </remarks>
public readonly struct Hex20Kernel : IElementKernel
{
    private static ElementRuleSet Rules => ElementRules.Hex20;

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Hex20;

    /// <inheritdoc/>
    public int NodeCount => 20;

    /// <inheritdoc/>
    public int IntegrationPointCount => 27;

    /// <inheritdoc/>
    public IntegrationPoint GetIntegrationPoint(int index) => Rules.Stiffness.Points[index];

    /// <inheritdoc/>
    public void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives) =>
        HexahedronShapes.Serendipity(r, s, t, shape, naturalDerivatives);

    /// <inheritdoc/>
    public bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness) =>
        IsoparametricMath.Stiffness(20, Rules.Stiffness.Derivatives, Rules.Stiffness.Weights, coordinates, lambdaPa, shearModulusPa, stiffness);

    /// <inheritdoc/>
    public bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains) =>
        IsoparametricMath.Strains(20, Rules.Stiffness.Derivatives, 27, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues) =>
        Rules.Extrapolate(pointValues, components, cornerValues);
}
