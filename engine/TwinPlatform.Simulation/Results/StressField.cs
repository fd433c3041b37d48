namespace TwinPlatform.Simulation.Results;

/// <summary>
/// Strains and stresses of one load case at the integration points and, recovered, at the nodes.
/// Tensors are stored as 6 values (xx, yy, zz, xy, yz, zx; strain shear as tensor components).
/// </summary>
/// <remarks>
/// Nodal stresses: each element extrapolates its integration-point stresses to its corners (through the
/// polynomial the points define), a mid-edge node takes the mean of its edge's two corner values, and each
/// node averages the values of all elements that contain it (unweighted).
/// </remarks>
public sealed class StressField
{
    internal StressField(int[] pointOffsets, double[] pointStrains, double[] pointStresses, double[] nodalStresses, double[] nodalVonMises)
    {
        PointOffsets = pointOffsets;
        PointStrains = pointStrains;
        PointStresses = pointStresses;
        NodalStresses = nodalStresses;
        NodalVonMises = nodalVonMises;
    }

    /// <summary>Per element (ElementCount + 1 entries): index of its first integration point.</summary>
    public int[] PointOffsets { get; }

    /// <summary>Strain tensors at the integration points, 6 per point.</summary>
    public double[] PointStrains { get; }

    /// <summary>Stress tensors at the integration points, 6 per point, Pa.</summary>
    public double[] PointStresses { get; }

    /// <summary>Recovered stress tensors at the nodes, 6 per node, Pa (zero at nodes no element uses).</summary>
    public double[] NodalStresses { get; }

    /// <summary>Von Mises stress of <see cref="NodalStresses"/> per node, Pa.</summary>
    public double[] NodalVonMises { get; }

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
}
