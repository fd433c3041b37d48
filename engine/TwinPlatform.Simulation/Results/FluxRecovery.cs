using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Results;

/// <summary>Computes a <see cref="HeatFluxField"/> q = -k grad T from nodal temperatures.</summary>
internal static class FluxRecovery
{
    public static HeatFluxField Compute(Mesh mesh, int[] materialOf, double[] conductivity, double[] temperatures)
    {
        var offsets = NodalRecovery.PointOffsets(mesh);
        var points = offsets[^1];
        var fluxes = new double[3 * points];
        var positions = new double[3 * points];
        var nodal = new double[3 * mesh.NodeCount];
        var counts = new int[mesh.NodeCount];
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> te = stackalloc double[ElementOperations.MaxNodes];
        foreach (var block in mesh.Blocks)
        {
            var rules = ElementRules.Of(block.Type);
            var n = rules.NodeCount;
            var p = rules.Stiffness.PointCount;
            for (var e = 0; e < block.Count; e++)
            {
                var id = block.FirstElement + e;
                var nodes = block.Nodes(e);
                ElementOperations.GatherCoordinates(mesh, nodes, xyz);
                for (var a = 0; a < n; a++)
                {
                    te[a] = temperatures[nodes[a]];
                }

                var q = fluxes.AsSpan(3 * offsets[id], 3 * p);
                if (!ElementIntegrals.ScalarGradients(rules, xyz[..(3 * n)], te[..n], q))
                {
                    throw MatrixAssembler.InvertedElement(mesh, id);
                }

                var k = -conductivity[materialOf[id]];
                for (var i = 0; i < q.Length; i++)
                {
                    q[i] *= k;
                }

                ElementIntegrals.PointPositions(rules, xyz[..(3 * n)], positions.AsSpan(3 * offsets[id], 3 * p));
                NodalRecovery.Accumulate(rules, nodes, q, 3, nodal, counts);
            }
        }

        NodalRecovery.Average(nodal, counts, 3);
        return new HeatFluxField(offsets, fluxes, positions, nodal);
    }
}
