using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// Structured meshes of a box [0, lx] x [0, ly] x [0, lz] for every element type: hexahedra (8/20 nodes),
/// wedges (each hex split into two prisms along z), tetrahedra (<see cref="TestMeshes"/>). Interior corner
/// nodes move by up to <c>distortion</c> of the cell size; mid-edge nodes sit at edge midpoints (straight
/// edges). Node sets xmin..zmax, boundary, interior; face sets xmin..zmax built from element faces (CalculiX
/// S-numbers); element set "all".
/// </summary>
internal static class StructuredMeshes
{
    public static ElementType[] AllTypes =>
        [ElementType.Tet4, ElementType.Tet10, ElementType.Hex8, ElementType.Hex20, ElementType.Hex20Reduced, ElementType.Wedge6, ElementType.Wedge15];

    public static Mesh Box(ElementType type, int nx, int ny, int nz, double lx, double ly, double lz, double distortion = 0, int seed = 1)
    {
        if (type is ElementType.Tet4 or ElementType.Tet10)
        {
            var tets = TestMeshes.Box(nx, ny, nz, lx, ly, lz, type == ElementType.Tet10, distortion, seed);
            AddElementFaceSides(tets, lx, ly, lz);
            tets.AddElementSet(new ElementSet("all", Enumerable.Range(0, tets.ElementCount)));
            return tets;
        }

        var random = new Random(seed);
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
                    double px = lx * i / nx, py = ly * j / ny, pz = lz * k / nz;
                    if (distortion > 0 && i > 0 && i < nx && j > 0 && j < ny && k > 0 && k < nz)
                    {
                        px += distortion * (lx / nx) * ((2 * random.NextDouble()) - 1);
                        py += distortion * (ly / ny) * ((2 * random.NextDouble()) - 1);
                        pz += distortion * (lz / nz) * ((2 * random.NextDouble()) - 1);
                    }

                    x.Add(px);
                    y.Add(py);
                    z.Add(pz);
                }
            }
        }

        var corners = new List<int>();
        var wedge = type is ElementType.Wedge6 or ElementType.Wedge15;
        for (var k = 0; k < nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    int[] h =
                    [
                        Index(i, j, k), Index(i + 1, j, k), Index(i + 1, j + 1, k), Index(i, j + 1, k),
                        Index(i, j, k + 1), Index(i + 1, j, k + 1), Index(i + 1, j + 1, k + 1), Index(i, j + 1, k + 1),
                    ];
                    if (wedge)
                    {
                        corners.AddRange([h[0], h[1], h[2], h[4], h[5], h[6]]);
                        corners.AddRange([h[0], h[2], h[3], h[4], h[6], h[7]]);
                    }
                    else
                    {
                        corners.AddRange(h);
                    }
                }
            }
        }

        var cornerCount = type.CornersPerElement();
        var nodesPer = type.NodesPerElement();
        var elements = corners.Count / cornerCount;
        var connectivity = new int[elements * nodesPer];
        var edges = EdgeCorners(type);
        var mid = new Dictionary<(int, int), int>();
        for (var e = 0; e < elements; e++)
        {
            for (var c = 0; c < cornerCount; c++)
            {
                connectivity[(e * nodesPer) + c] = corners[(e * cornerCount) + c];
            }

            for (var m = 0; m < nodesPer - cornerCount; m++)
            {
                int a = corners[(e * cornerCount) + edges[2 * m]], b = corners[(e * cornerCount) + edges[(2 * m) + 1]];
                var key = (Math.Min(a, b), Math.Max(a, b));
                if (!mid.TryGetValue(key, out var node))
                {
                    node = x.Count;
                    x.Add(0.5 * (x[a] + x[b]));
                    y.Add(0.5 * (y[a] + y[b]));
                    z.Add(0.5 * (z[a] + z[b]));
                    mid[key] = node;
                }

                connectivity[(e * nodesPer) + cornerCount + m] = node;
            }
        }

        var mesh = new Mesh([.. x], [.. y], [.. z], [new ElementBlock(type, connectivity)]);
        AddNodeSides(mesh, lx, ly, lz);
        AddElementFaceSides(mesh, lx, ly, lz);
        mesh.AddElementSet(new ElementSet("all", Enumerable.Range(0, mesh.ElementCount)));
        return mesh;
    }

    /// <summary>Corner pairs of the mid-edge nodes, in the CalculiX order.</summary>
    public static int[] EdgeCorners(ElementType type) => type switch
    {
        ElementType.Tet10 => [0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3],
        ElementType.Hex20 or ElementType.Hex20Reduced => [0, 1, 1, 2, 2, 3, 3, 0, 4, 5, 5, 6, 6, 7, 7, 4, 0, 4, 1, 5, 2, 6, 3, 7],
        ElementType.Wedge15 => [0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 0, 3, 1, 4, 2, 5],
        _ => [],
    };

    /// <summary>The single node at (x, y, z) as a node set.</summary>
    public static void AddPointSet(Mesh mesh, string name, double x, double y, double z)
    {
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if (Math.Abs(mesh.X[n] - x) + Math.Abs(mesh.Y[n] - y) + Math.Abs(mesh.Z[n] - z) < 1e-12)
            {
                mesh.AddNodeSet(new NodeSet(name, [n]));
                return;
            }
        }

        throw new InvalidOperationException($"no node at ({x}, {y}, {z})");
    }

    private static (string Name, Func<Mesh, int, bool> On)[] Sides(double lx, double ly, double lz)
    {
        var tol = 1e-12 * (lx + ly + lz);
        return
        [
            ("xmin", (m, n) => Math.Abs(m.X[n]) < tol),
            ("xmax", (m, n) => Math.Abs(m.X[n] - lx) < tol),
            ("ymin", (m, n) => Math.Abs(m.Y[n]) < tol),
            ("ymax", (m, n) => Math.Abs(m.Y[n] - ly) < tol),
            ("zmin", (m, n) => Math.Abs(m.Z[n]) < tol),
            ("zmax", (m, n) => Math.Abs(m.Z[n] - lz) < tol),
        ];
    }

    private static void AddNodeSides(Mesh mesh, double lx, double ly, double lz)
    {
        var boundary = new HashSet<int>();
        foreach (var (name, on) in Sides(lx, ly, lz))
        {
            var nodes = new List<int>();
            for (var n = 0; n < mesh.NodeCount; n++)
            {
                if (on(mesh, n))
                {
                    nodes.Add(n);
                    boundary.Add(n);
                }
            }

            mesh.AddNodeSet(new NodeSet(name, nodes));
        }

        mesh.AddNodeSet(new NodeSet("boundary", boundary));
        var interior = Enumerable.Range(0, mesh.NodeCount).Where(n => !boundary.Contains(n)).ToList();
        if (interior.Count > 0)
        {
            mesh.AddNodeSet(new NodeSet("interior", interior));
        }
    }

    /// <summary>Face sets of the six sides from element faces whose nodes all lie on the side (replacing any existing ones).</summary>
    private static void AddElementFaceSides(Mesh mesh, double lx, double ly, double lz)
    {
        foreach (var (name, on) in Sides(lx, ly, lz))
        {
            var faces = new List<ElementFace>();
            foreach (var block in mesh.Blocks)
            {
                for (var e = 0; e < block.Count; e++)
                {
                    var nodes = block.Nodes(e);
                    for (var f = 1; f <= block.Type.FaceCount(); f++)
                    {
                        var all = true;
                        foreach (var a in block.Type.FaceNodes(f))
                        {
                            all &= on(mesh, nodes[a]);
                        }

                        if (all)
                        {
                            faces.Add(new ElementFace(block.FirstElement + e, f));
                        }
                    }
                }
            }

            mesh.AddElementFaceSet(name, faces);
        }
    }
}
