using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>15-node quadratic wedge (CalculiX C3D15), 3-point triangle rule x 3 Gauss points in zeta.</summary>
/// <remarks>
/// Node order: corners as <see cref="Wedge6Kernel"/>, then mid-edge nodes 6 (0,1), 7 (1,2), 8 (2,0), 9 (3,4), 10 (4,5),
/// 11 (5,3), 12 (0,3), 13 (1,4), 14 (2,5). Stresses are extrapolated to the corners linearly over the triangle and
/// quadratically in zeta.
/// </remarks>
public readonly struct Wedge15Kernel : IElementKernel
{
    private static ElementRuleSet Rules => ElementRules.Wedge15;

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Wedge15;

    /// <inheritdoc/>
    public int NodeCount => 15;

    /// <inheritdoc/>
    public int IntegrationPointCount => 9;

    /// <inheritdoc/>
    public IntegrationPoint GetIntegrationPoint(int index) => Rules.Stiffness.Points[index];

    /// <inheritdoc/>
    public void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives) =>
        WedgeShapes.Quadratic(r, s, t, shape, naturalDerivatives);

    /// <inheritdoc/>
    public bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness) =>
        IsoparametricMath.Stiffness(15, Rules.Stiffness.Derivatives, Rules.Stiffness.Weights, coordinates, lambdaPa, shearModulusPa, stiffness);

    /// <inheritdoc/>
    public bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains) =>
        IsoparametricMath.Strains(15, Rules.Stiffness.Derivatives, 9, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues) =>
        Rules.Extrapolate(pointValues, components, cornerValues);
}
