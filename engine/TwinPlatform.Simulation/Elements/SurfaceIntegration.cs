using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>Integrals over boundary faces: ∫ N_a dA per node, for consistent surface loads.</summary>
internal static class SurfaceIntegration
{
    /// <summary>
    /// Adds ∫ N_a dA of every face of <paramref name="faces"/> to <paramref name="nodalAreas"/> (per node,
    /// m^2) with the isoparametric area element |x_xi × x_eta| and a degree-4 rule, so curved quadratic
    /// faces are integrated accurately and flat ones exactly. Returns the total area.
    /// </summary>
    /// <remarks>
    /// On a flat 6-node triangle the corner integrals are 0 and the mid-edge ones A/3; on a 3-node triangle
    /// each node gets A/3.
    /// </remarks>
    public static double NodalAreas(Mesh mesh, FaceSet faces, double[] nodalAreas)
    {
        var n = faces.NodesPerFace;
        Span<double> shape = stackalloc double[6];
        Span<double> d = stackalloc double[12];
        var rule = TriangleQuadrature.Degree4;
        var total = 0.0;
        double[] x = mesh.X, y = mesh.Y, z = mesh.Z;
        for (var f = 0; f < faces.Count; f++)
        {
            var nodes = faces.Nodes(f);
            for (var q = 0; q < rule.Length; q += 3)
            {
                TriangleQuadrature.Shape(n, rule[q], rule[q + 1], shape, d);
                double ax = 0, ay = 0, az = 0, bx = 0, by = 0, bz = 0;
                for (var a = 0; a < n; a++)
                {
                    var node = nodes[a];
                    ax += d[2 * a] * x[node];
                    ay += d[2 * a] * y[node];
                    az += d[2 * a] * z[node];
                    bx += d[(2 * a) + 1] * x[node];
                    by += d[(2 * a) + 1] * y[node];
                    bz += d[(2 * a) + 1] * z[node];
                }

                var cx = (ay * bz) - (az * by);
                var cy = (az * bx) - (ax * bz);
                var cz = (ax * by) - (ay * bx);
                var w = rule[q + 2] * Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz));
                total += w;
                for (var a = 0; a < n; a++)
                {
                    nodalAreas[nodes[a]] += w * shape[a];
                }
            }
        }

        return total;
    }
}
