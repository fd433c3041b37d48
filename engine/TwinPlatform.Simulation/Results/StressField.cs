namespace TwinPlatform.Simulation.Results;

/// <summary>
/// Strains and stresses of one load case at the integration points and, recovered, at the nodes.
/// Tensors are stored as 6 values (xx, yy, zz, xy, yz, zx; strain shear as tensor components).
/// </summary>
/// <remarks>
/// Strains are total strains (the symmetric displacement gradient); stresses are D (strain - thermal strain).
/// Nodal stresses: each element extrapolates its integration-point stresses to its corners (through the
/// polynomial the points define), a mid-edge node takes the mean of its edge's two corner values, and each
/// node averages the values of all elements that contain it (unweighted).
/// </remarks>
public sealed class StressField
{
    private double[]? _nodalPrincipal;
    private double[]? _pointVonMises;

    internal StressField(int[] pointOffsets, double[] pointStrains, double[] pointStresses, double[] pointPositions, double[] nodalStresses, double[] nodalVonMises)
    {
        PointOffsets = pointOffsets;
        PointStrains = pointStrains;
        PointStresses = pointStresses;
        PointPositions = pointPositions;
        NodalStresses = nodalStresses;
        NodalVonMises = nodalVonMises;
    }

    /// <summary>Per element (ElementCount + 1 entries): index of its first integration point.</summary>
    public int[] PointOffsets { get; }

    /// <summary>Total strain tensors at the integration points, 6 per point.</summary>
    public double[] PointStrains { get; }

    /// <summary>Stress tensors at the integration points, 6 per point, Pa.</summary>
    public double[] PointStresses { get; }

    /// <summary>Positions of the integration points, 3 per point, metres.</summary>
    public double[] PointPositions { get; }

    /// <summary>Recovered stress tensors at the nodes, 6 per node, Pa (zero at nodes no element uses).</summary>
    public double[] NodalStresses { get; }

    /// <summary>Von Mises stress of <see cref="NodalStresses"/> per node, Pa.</summary>
    public double[] NodalVonMises { get; }

    /// <summary>Principal values of <see cref="NodalStresses"/>, 3 per node (largest, middle, smallest), Pa.</summary>
    public double[] NodalPrincipalStresses => _nodalPrincipal ??= Principal(NodalStresses);

    /// <summary>Von Mises stress at each integration point, Pa.</summary>
    public double[] PointVonMises
    {
        get
        {
            if (_pointVonMises is null)
            {
                var vm = new double[PointStresses.Length / 6];
                for (var p = 0; p < vm.Length; p++)
                {
                    vm[p] = SymmetricTensor.FromSpan(PointStresses.AsSpan(6 * p, 6)).VonMises;
                }

                _pointVonMises = vm;
            }

            return _pointVonMises;
        }
    }

    /// <summary>Stress tensor at integration point <paramref name="point"/> of element <paramref name="element"/>.</summary>
    public SymmetricTensor PointStress(int element, int point) =>
        SymmetricTensor.FromSpan(PointStresses.AsSpan(6 * (PointOffsets[element] + point), 6));

    /// <summary>Strain tensor at integration point <paramref name="point"/> of element <paramref name="element"/>.</summary>
    public SymmetricTensor PointStrain(int element, int point) =>
        SymmetricTensor.FromSpan(PointStrains.AsSpan(6 * (PointOffsets[element] + point), 6));

    /// <summary>Recovered stress tensor at node <paramref name="node"/>.</summary>
    public SymmetricTensor NodalStress(int node) => SymmetricTensor.FromSpan(NodalStresses.AsSpan(6 * node, 6));

    /// <summary>Principal stresses at node <paramref name="node"/>.</summary>
    public PrincipalValues NodalPrincipal(int node) => NodalStress(node).Principal();

    private static double[] Principal(double[] tensors)
    {
        var result = new double[tensors.Length / 2];
        for (var n = 0; n < tensors.Length / 6; n++)
        {
            var p = SymmetricTensor.FromSpan(tensors.AsSpan(6 * n, 6)).Principal();
            result[3 * n] = p.Max;
            result[(3 * n) + 1] = p.Mid;
            result[(3 * n) + 2] = p.Min;
        }

        return result;
    }
}
