using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Results;

/// <summary>
/// Integration-point values to nodal values: each element extrapolates to its corners, a mid-edge node takes
/// the mean of its edge's two corners (or, for element types with <see cref="ElementRuleSet.NodeFit"/>, every node
/// takes the value of the element's least-squares fit), and each node averages over the elements that contain it.
/// </summary>
internal static class NodalRecovery
{
    /// <summary>Largest corner count times the largest component count.</summary>
    private const int MaxCornerValues = 8 * 6;

    /// <summary>Adds one element's extrapolated values to the nodal sums and counts.</summary>
    public static void Accumulate(ElementRuleSet rules, ReadOnlySpan<int> nodes, ReadOnlySpan<double> pointValues, int components, double[] nodal, int[] counts)
    {
        if (rules.NodeFit is { } fit)
        {
            var points = rules.Stiffness.PointCount;
            for (var a = 0; a < nodes.Length; a++)
            {
                var node = nodes[a];
                for (var k = 0; k < components; k++)
                {
                    var sum = 0.0;
                    for (var p = 0; p < points; p++)
                    {
                        sum += fit[(a * points) + p] * pointValues[(p * components) + k];
                    }

                    nodal[(components * node) + k] += sum;
                }

                counts[node]++;
            }

            return;
        }

        Span<double> corners = stackalloc double[MaxCornerValues];
        rules.Extrapolate(pointValues, components, corners);
        var cornerCount = rules.CornerCount;
        for (var c = 0; c < cornerCount; c++)
        {
            var node = nodes[c];
            for (var k = 0; k < components; k++)
            {
                nodal[(components * node) + k] += corners[(c * components) + k];
            }

            counts[node]++;
        }

        if (nodes.Length > cornerCount)
        {
            var edges = ElementTopology.EdgeCorners(rules.Type);
            for (var m = 0; m < edges.Length / 2; m++)
            {
                var node = nodes[cornerCount + m];
                int a = edges[2 * m], b = edges[(2 * m) + 1];
                for (var k = 0; k < components; k++)
                {
                    nodal[(components * node) + k] += 0.5 * (corners[(a * components) + k] + corners[(b * components) + k]);
                }

                counts[node]++;
            }
        }
    }

    /// <summary>Divides the sums by the counts.</summary>
    public static void Average(double[] nodal, int[] counts, int components)
    {
        for (var n = 0; n < counts.Length; n++)
        {
            if (counts[n] > 0)
            {
                var inv = 1.0 / counts[n];
                for (var k = 0; k < components; k++)
                {
                    nodal[(components * n) + k] *= inv;
                }
            }
        }
    }

    /// <summary>Per element (ElementCount + 1 entries): the index of its first integration point.</summary>
    public static int[] PointOffsets(Mesh mesh)
    {
        var offsets = new int[mesh.ElementCount + 1];
        foreach (var block in mesh.Blocks)
        {
            var points = block.Type.IntegrationPointCount();
            for (var e = 0; e < block.Count; e++)
            {
                offsets[block.FirstElement + e + 1] = points;
            }
        }

        for (var e = 0; e < mesh.ElementCount; e++)
        {
            offsets[e + 1] += offsets[e];
        }

        return offsets;
    }
}
