using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>6-node linear wedge (CalculiX C3D6) with CalculiX's 2-point rule: the triangle centroid at zeta = -+1/sqrt 3.</summary>
/// <remarks>
/// Node order: corners 0-2 of the triangle at zeta = -1 at natural (r, s) = (0,0), (1,0), (0,1), counter-clockwise seen
/// from the top, corners 3-5 above them at zeta = 1. The rule integrates grad N det J exactly, so the patch test holds on
/// straight-edged wedges. Stresses vary linearly in zeta between the two points and are constant over the triangle.
/// </remarks>
public readonly struct Wedge6Kernel : IElementKernel
{
    private static ElementRuleSet Rules => ElementRules.Wedge6;

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Wedge6;

    /// <inheritdoc/>
    public int NodeCount => 6;

    /// <inheritdoc/>
    public int IntegrationPointCount => 2;

    /// <inheritdoc/>
    public IntegrationPoint GetIntegrationPoint(int index) => Rules.Stiffness.Points[index];

    /// <inheritdoc/>
    public void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives) =>
        WedgeShapes.Linear(r, s, t, shape, naturalDerivatives);

    /// <inheritdoc/>
    public bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness) =>
        IsoparametricMath.Stiffness(6, Rules.Stiffness.Derivatives, Rules.Stiffness.Weights, coordinates, lambdaPa, shearModulusPa, stiffness);

    /// <inheritdoc/>
    public bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains) =>
        IsoparametricMath.Strains(6, Rules.Stiffness.Derivatives, 2, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues) =>
        Rules.Extrapolate(pointValues, components, cornerValues);
}
