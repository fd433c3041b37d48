using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// 10-node quadratic isoparametric tetrahedron with the 4-point Gauss rule (exact stiffness for
/// straight-sided elements; curved elements use the Jacobian at each point).
/// </summary>
/// <remarks>
/// Node order (CalculiX C3D10 = VTK_QUADRATIC_TETRA): corners 0-3, then mid-edge nodes 4 (0,1), 5 (1,2),
/// 6 (2,0), 7 (0,3), 8 (1,3), 9 (2,3). Gmsh's type-11 order differs only in the last two nodes (gmsh 8 is
/// on edge (2,3) and 9 on (1,3)); the gmsh reader swaps them.
/// Natural coordinates: L0 = 1 - r - s - t, L1 = r, L2 = s, L3 = t; corner N_i = L_i (2 L_i - 1),
/// mid-edge N = 4 L_a L_b.
/// </remarks>
public readonly struct Tet10Kernel : IElementKernel
{
    private static readonly double[] PointDerivatives = BuildPointDerivatives();
    private static readonly double[] Weights = [TetrahedronQuadrature.W4, TetrahedronQuadrature.W4, TetrahedronQuadrature.W4, TetrahedronQuadrature.W4];

    // Corner value c = sum_p E[c, p] v_p with E = M^-1, M[p, c] = L_c(point p) = (A - B) I + B 1 1^T.
    // Since A + 3B = 1: E = (I - B 1 1^T) / (A - B).
    private const double ExtrapolateOwn = (1 - TetrahedronQuadrature.B4) / (TetrahedronQuadrature.A4 - TetrahedronQuadrature.B4);
    private const double ExtrapolateOther = -TetrahedronQuadrature.B4 / (TetrahedronQuadrature.A4 - TetrahedronQuadrature.B4);

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Tet10;

    /// <inheritdoc/>
    public int NodeCount => 10;

    /// <inheritdoc/>
    public int IntegrationPointCount => 4;

    /// <inheritdoc/>
    public IntegrationPoint GetIntegrationPoint(int index) => TetrahedronQuadrature.FourPoint(index);

    /// <inheritdoc/>
    public void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives) =>
        Evaluate(r, s, t, shape, naturalDerivatives);

    /// <inheritdoc/>
    public bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness) =>
        IsoparametricMath.Stiffness(10, PointDerivatives, Weights, coordinates, lambdaPa, shearModulusPa, stiffness);

    /// <inheritdoc/>
    public bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains) =>
        IsoparametricMath.Strains(10, PointDerivatives, 4, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues)
    {
        for (var k = 0; k < components; k++)
        {
            var sum = pointValues[k] + pointValues[components + k] + pointValues[(2 * components) + k] + pointValues[(3 * components) + k];
            for (var c = 0; c < 4; c++)
            {
                var own = pointValues[(c * components) + k];
                cornerValues[(c * components) + k] = (ExtrapolateOwn * own) + (ExtrapolateOther * (sum - own));
            }
        }
    }

    private static void Evaluate(double r, double s, double t, Span<double> n, Span<double> d) =>
        TetrahedronShapes.Quadratic(r, s, t, n, d);

    private static double[] BuildPointDerivatives()
    {
        var table = new double[4 * 30];
        Span<double> n = stackalloc double[10];
        for (var p = 0; p < 4; p++)
        {
            var ip = TetrahedronQuadrature.FourPoint(p);
            Evaluate(ip.R, ip.S, ip.T, n, table.AsSpan(p * 30, 30));
        }

        return table;
    }
}
