using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Prognostics.Blades;

/// <summary>The structured 20-node hexahedral mesh of a <see cref="BladeDescription"/>.</summary>
internal static class BladeMesh
{
    // Corner pairs of the 12 mid-edge nodes of a 20-node hexahedron, in the CalculiX order.
    private static readonly int[] EdgeCorners = [0, 1, 1, 2, 2, 3, 3, 0, 4, 5, 5, 6, 6, 7, 7, 4, 0, 4, 1, 5, 2, 6, 3, 7];

    /// <summary>Builds the mesh; returns the nodes of the root face and of its two symmetry lines (y = 0, z = 0).</summary>
    public static Mesh Create(BladeDescription d, out int[] rootNodes, out int[] rootLineY, out int[] rootLineZ)
    {
        int nx = d.SpanElements, ny = d.ThicknessElements, nz = d.ChordElements;
        var span = d.TipRadiusM - d.HubRadiusM;
        var x = new List<double>();
        var y = new List<double>();
        var z = new List<double>();
        int Index(int i, int j, int k) => i + ((nx + 1) * (j + ((ny + 1) * k)));
        for (var k = 0; k <= nz; k++)
        {
            for (var j = 0; j <= ny; j++)
            {
                for (var i = 0; i <= nx; i++)
                {
                    x.Add(d.HubRadiusM + (span * i / nx));
                    y.Add(d.ThicknessM * (((double)j / ny) - 0.5));
                    z.Add(d.ChordM * (((double)k / nz) - 0.5));
                }
            }
        }

        var connectivity = new int[nx * ny * nz * 20];
        var mid = new Dictionary<(int, int), int>();
        var e = 0;
        Span<int> h = stackalloc int[8];
        for (var k = 0; k < nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    h[0] = Index(i, j, k);
                    h[1] = Index(i + 1, j, k);
                    h[2] = Index(i + 1, j + 1, k);
                    h[3] = Index(i, j + 1, k);
                    h[4] = Index(i, j, k + 1);
                    h[5] = Index(i + 1, j, k + 1);
                    h[6] = Index(i + 1, j + 1, k + 1);
                    h[7] = Index(i, j + 1, k + 1);
                    var baseIndex = e * 20;
                    for (var c = 0; c < 8; c++)
                    {
                        connectivity[baseIndex + c] = h[c];
                    }

                    for (var m = 0; m < 12; m++)
                    {
                        int a = h[EdgeCorners[2 * m]], b = h[EdgeCorners[(2 * m) + 1]];
                        var key = (Math.Min(a, b), Math.Max(a, b));
                        if (!mid.TryGetValue(key, out var node))
                        {
                            node = x.Count;
                            x.Add(0.5 * (x[a] + x[b]));
                            y.Add(0.5 * (y[a] + y[b]));
                            z.Add(0.5 * (z[a] + z[b]));
                            mid[key] = node;
                        }

                        connectivity[baseIndex + 8 + m] = node;
                    }

                    e++;
                }
            }
        }

        var mesh = new Mesh([.. x], [.. y], [.. z], [new ElementBlock(ElementType.Hex20, connectivity)]);
        var tol = 1e-9 * Math.Max(span, d.ChordM);
        var root = new List<int>();
        var lineY = new List<int>();
        var lineZ = new List<int>();
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if (Math.Abs(mesh.X[n] - d.HubRadiusM) > tol)
            {
                continue;
            }

            root.Add(n);
            if (Math.Abs(mesh.Y[n]) <= tol)
            {
                lineY.Add(n);
            }

            if (Math.Abs(mesh.Z[n]) <= tol)
            {
                lineZ.Add(n);
            }
        }

        rootNodes = [.. root];
        rootLineY = [.. lineY];
        rootLineZ = [.. lineZ];
        mesh.AddNodeSet(new NodeSet("root", rootNodes));
        return mesh;
    }
}
