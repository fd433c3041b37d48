using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Results;

/// <summary>Computes a <see cref="StressField"/> from nodal displacements (and temperatures for thermal strain).</summary>
internal static class StressRecovery
{
    /// <param name="mesh">The mesh.</param>
    /// <param name="properties">Per-element materials.</param>
    /// <param name="displacements">3 per node.</param>
    /// <param name="deltaT">T - T0 per node, or null without thermal strain.</param>
    public static StressField Compute(Mesh mesh, ElasticProperties properties, double[] displacements, double[]? deltaT)
    {
        var offsets = NodalRecovery.PointOffsets(mesh);
        var points = offsets[^1];
        var action = new BlockAction
        {
            Mesh = mesh,
            Properties = properties,
            Displacements = displacements,
            DeltaT = deltaT,
            Offsets = offsets,
            Strains = new double[6 * points],
            Stresses = new double[6 * points],
            Positions = new double[3 * points],
            Nodal = new double[6 * mesh.NodeCount],
            Counts = new int[mesh.NodeCount],
        };
        foreach (var block in mesh.Blocks)
        {
            action.Block = block;
            ElementDispatch.Run(block.Type, ref action);
        }

        NodalRecovery.Average(action.Nodal, action.Counts, 6);
        var vonMises = new double[mesh.NodeCount];
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            vonMises[n] = SymmetricTensor.FromSpan(action.Nodal.AsSpan(6 * n, 6)).VonMises;
        }

        return new StressField(offsets, action.Strains, action.Stresses, action.Positions, action.Nodal, vonMises);
    }

    /// <summary>One block, serial: a pass over the elements is cheap next to the solve, and the nodal sums need no colouring.</summary>
    private struct BlockAction : IElementAction
    {
        public Mesh Mesh;
        public ElementBlock Block;
        public ElasticProperties Properties;
        public double[] Displacements;
        public double[]? DeltaT;
        public int[] Offsets;
        public double[] Strains;
        public double[] Stresses;
        public double[] Positions;
        public double[] Nodal;
        public int[] Counts;

        public readonly void Run<TKernel>(TKernel kernel)
            where TKernel : struct, IElementKernel
        {
            var rules = ElementRules.Of(kernel.ElementType);
            var n = kernel.NodeCount;
            var points = kernel.IntegrationPointCount;
            Span<double> xyz = stackalloc double[3 * n];
            Span<double> ue = stackalloc double[3 * n];
            Span<double> nodalDeltaT = stackalloc double[n];
            Span<double> pointDeltaT = stackalloc double[points];
            pointDeltaT.Clear();
            var materialOf = Properties.MaterialOf;
            for (var e = 0; e < Block.Count; e++)
            {
                var id = Block.FirstElement + e;
                var nodes = Block.Nodes(e);
                ElementOperations.GatherCoordinates(Mesh, nodes, xyz);
                ElementOperations.GatherVector(Displacements, nodes, ue);
                var eps = Strains.AsSpan(6 * Offsets[id], 6 * points);
                var sig = Stresses.AsSpan(6 * Offsets[id], 6 * points);
                if (!kernel.Strains(xyz, ue, eps))
                {
                    throw MatrixAssembler.InvertedElement(Mesh, id);
                }

                ElementIntegrals.PointPositions(rules, xyz, Positions.AsSpan(3 * Offsets[id], 3 * points));
                var m = materialOf[id];
                var lambda = Properties.Lambda[m];
                var mu2 = 2 * Properties.Mu[m];
                var alpha = Properties.Alpha[m];
                if (DeltaT is not null && alpha != 0)
                {
                    for (var a = 0; a < n; a++)
                    {
                        nodalDeltaT[a] = DeltaT[nodes[a]];
                    }

                    ElementIntegrals.ThermalAtPoints(rules, nodalDeltaT, pointDeltaT);
                }
                else
                {
                    pointDeltaT.Clear();
                }

                for (var p = 0; p < points; p++)
                {
                    // sigma = lambda tr(eps - eps_th) I + 2 mu (eps - eps_th), eps_th = alpha dT I.
                    var th = alpha * pointDeltaT[p];
                    var s = eps.Slice(6 * p, 6);
                    var l = lambda * (s[0] + s[1] + s[2] - (3 * th));
                    var o = sig.Slice(6 * p, 6);
                    o[0] = l + (mu2 * (s[0] - th));
                    o[1] = l + (mu2 * (s[1] - th));
                    o[2] = l + (mu2 * (s[2] - th));
                    o[3] = mu2 * s[3];
                    o[4] = mu2 * s[4];
                    o[5] = mu2 * s[5];
                }

                NodalRecovery.Accumulate(rules, nodes, sig, 6, Nodal, Counts);
            }
        }
    }
}
