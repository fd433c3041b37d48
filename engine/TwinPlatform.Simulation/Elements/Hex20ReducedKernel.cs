using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>20-node serendipity hexahedron with reduced 2x2x2 Gauss integration (CalculiX C3D20R).</summary>
/// <remarks>
/// Nodes as <see cref="Hex20Kernel"/>. Like CalculiX there is no hourglass control: a lone element has spurious
/// zero-energy modes, but they are not communicable, so a mesh with supports stays positive definite. Reduced
/// integration removes the locking of the full rule in bending; stresses are extrapolated trilinearly from the 8 points.
/// </remarks>
public readonly struct Hex20ReducedKernel : IElementKernel
{
    private static ElementRuleSet Rules => ElementRules.Hex20Reduced;

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Hex20Reduced;

    /// <inheritdoc/>
    public int NodeCount => 20;

    /// <inheritdoc/>
    public int IntegrationPointCount => 8;

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
        IsoparametricMath.Strains(20, Rules.Stiffness.Derivatives, 8, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues) =>
        Rules.Extrapolate(pointValues, components, cornerValues);
}
