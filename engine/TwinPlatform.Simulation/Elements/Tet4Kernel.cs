using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// 4-node linear tetrahedron (constant strain). Natural coordinates r, s, t with barycentric coordinates
/// L0 = 1 - r - s - t, L1 = r, L2 = s, L3 = t; N_i = L_i. One-point (centroid) quadrature, exact.
/// </summary>
public readonly struct Tet4Kernel : IElementKernel
{
    // dN/d(r,s,t) is constant: N0 (-1,-1,-1), N1 (1,0,0), N2 (0,1,0), N3 (0,0,1).
    private static readonly double[] Derivatives = [-1, -1, -1, 1, 0, 0, 0, 1, 0, 0, 0, 1];
    private static readonly double[] Weights = [1.0 / 6.0];

    /// <inheritdoc/>
    public ElementType ElementType => ElementType.Tet4;

    /// <inheritdoc/>
    public int NodeCount => 4;

    /// <inheritdoc/>
    public int IntegrationPointCount => 1;

    /// <inheritdoc/>
    public IntegrationPoint GetIntegrationPoint(int index) =>
        index == 0 ? TetrahedronQuadrature.Centroid : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives)
    {
        shape[0] = 1 - r - s - t;
        shape[1] = r;
        shape[2] = s;
        shape[3] = t;
        Derivatives.AsSpan().CopyTo(naturalDerivatives);
    }

    /// <inheritdoc/>
    public bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness) =>
        IsoparametricMath.Stiffness(4, Derivatives, Weights, coordinates, lambdaPa, shearModulusPa, stiffness);

    /// <inheritdoc/>
    public bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains) =>
        IsoparametricMath.Strains(4, Derivatives, 1, coordinates, displacements, strains);

    /// <inheritdoc/>
    public void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues)
    {
        for (var c = 0; c < 4; c++)
        {
            pointValues[..components].CopyTo(cornerValues.Slice(c * components, components));
        }
    }
}
