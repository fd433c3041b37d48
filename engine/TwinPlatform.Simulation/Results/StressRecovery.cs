using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Results;

/// <summary>Computes a <see cref="StressField"/> from nodal displacements.</summary>
internal static class StressRecovery
{
    public static StressField Compute(Mesh mesh, IsotropicElastic material, double[] displacements)
    {
        var offsets = new int[mesh.ElementCount + 1];
        foreach (var block in mesh.Blocks)
        {
            var points = PointsPerElement(block.Type);
            for (var e = 0; e < block.Count; e++)
            {
                offsets[block.FirstElement + e + 1] = points;
            }
        }

        for (var e = 0; e < mesh.ElementCount; e++)
        {
            offsets[e + 1] += offsets[e];
        }

        var strains = new double[6 * offsets[^1]];
        var stresses = new double[6 * offsets[^1]];
        var nodal = new double[6 * mesh.NodeCount];
        var counts = new int[mesh.NodeCount];
        foreach (var block in mesh.Blocks)
        {
            switch (block.Type)
            {
                case ElementType.Tet4:
                    Block(default(Tet4Kernel), mesh, block, material, displacements, offsets, strains, stresses, nodal, counts);
                    break;
                case ElementType.Tet10:
                    Block(default(Tet10Kernel), mesh, block, material, displacements, offsets, strains, stresses, nodal, counts);
                    break;
                default:
                    throw new NotSupportedException($"no element kernel for {block.Type} yet");
            }
        }

        var vonMises = new double[mesh.NodeCount];
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if (counts[n] > 0)
            {
                var inv = 1.0 / counts[n];
                for (var k = 0; k < 6; k++)
                {
                    nodal[(6 * n) + k] *= inv;
                }

                vonMises[n] = SymmetricTensor.FromSpan(nodal.AsSpan(6 * n, 6)).VonMises;
            }
        }

        return new StressField(offsets, strains, stresses, nodal, vonMises);
    }

    private static int PointsPerElement(ElementType type) => type switch
    {
        ElementType.Tet4 => default(Tet4Kernel).IntegrationPointCount,
        ElementType.Tet10 => default(Tet10Kernel).IntegrationPointCount,
        _ => throw new NotSupportedException($"no element kernel for {type} yet"),
    };

    // Serial: one pass over the elements is cheap next to the solve, and the nodal sums need no colouring.
    private static void Block<TKernel>(TKernel kernel, Mesh mesh, ElementBlock block, IsotropicElastic material, double[] u, int[] offsets, double[] strains, double[] stresses, double[] nodal, int[] counts)
        where TKernel : struct, IElementKernel
    {
        var n = kernel.NodeCount;
        var points = kernel.IntegrationPointCount;
        Span<double> xyz = stackalloc double[3 * n];
        Span<double> ue = stackalloc double[3 * n];
        Span<double> corners = stackalloc double[6 * 4];
        var lambda = material.LambdaPa;
        var mu2 = 2 * material.ShearModulusPa;
        for (var e = 0; e < block.Count; e++)
        {
            var id = block.FirstElement + e;
            var nodes = block.Nodes(e);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            ElementOperations.GatherVector(u, nodes, ue);
            var eps = strains.AsSpan(6 * offsets[id], 6 * points);
            var sig = stresses.AsSpan(6 * offsets[id], 6 * points);
            if (!kernel.Strains(xyz, ue, eps))
            {
                throw new ModelException($"element {id} has a non-positive Jacobian determinant: it is inverted or degenerate");
            }

            for (var p = 0; p < points; p++)
            {
                var s = eps.Slice(6 * p, 6);
                var l = lambda * (s[0] + s[1] + s[2]);
                var o = sig.Slice(6 * p, 6);
                o[0] = l + (mu2 * s[0]);
                o[1] = l + (mu2 * s[1]);
                o[2] = l + (mu2 * s[2]);
                o[3] = mu2 * s[3];
                o[4] = mu2 * s[4];
                o[5] = mu2 * s[5];
            }

            kernel.ExtrapolateToCorners(sig, 6, corners);
            for (var c = 0; c < 4; c++)
            {
                Accumulate(nodal, counts, nodes[c], corners.Slice(6 * c, 6), corners.Slice(6 * c, 6));
            }

            if (n == 10)
            {
                var edges = TetrahedronTopology.EdgeCorners;
                for (var k = 0; k < 6; k++)
                {
                    Accumulate(nodal, counts, nodes[4 + k], corners.Slice(6 * edges[2 * k], 6), corners.Slice(6 * edges[(2 * k) + 1], 6));
                }
            }
        }
    }

    /// <summary>Adds the mean of <paramref name="a"/> and <paramref name="b"/> to node <paramref name="node"/>.</summary>
    private static void Accumulate(double[] nodal, int[] counts, int node, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (var k = 0; k < 6; k++)
        {
            nodal[(6 * node) + k] += 0.5 * (a[k] + b[k]);
        }

        counts[node]++;
    }
}
