using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

/// <summary>Structured tetrahedral meshes of a box for tests, with optional random distortion of interior nodes.</summary>
internal static class TestMeshes
{
    // Kuhn split of a hex (vertices 0..7, bottom 0-3 counter-clockwise, top 4-7) around diagonal 0-6:
    // face diagonals agree between neighbouring hexes, so the mesh is conforming.
    private static readonly int[] Kuhn = [0, 1, 2, 6, 0, 2, 3, 6, 0, 3, 7, 6, 0, 7, 4, 6, 0, 4, 5, 6, 0, 5, 1, 6];

    /// <summary>
    /// A box [0, lx] x [0, ly] x [0, lz] split into n x n x n hexes of 6 tetrahedra each. Interior nodes move by
    /// up to <paramref name="distortion"/> of the cell size per axis; mid-edge nodes (quadratic) sit at edge
    /// midpoints. Node sets: xmin, xmax, ymin, ymax, zmin, zmax, boundary, interior. Face sets: the six sides.
    /// </summary>
    public static Mesh Box(int nx, int ny, int nz, double lx, double ly, double lz, bool quadratic, double distortion = 0, int seed = 1)
    {
        var (x, y, z) = StructuredMesh.Lattice(nx, ny, nz, BoxCorner(nx, ny, nz, lx, ly, lz, distortion, seed));

        var corners = new List<int>();
        Span<int> hex = stackalloc int[8];
        for (var k = 0; k < nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    StructuredMesh.CellCorners(nx, ny, i, j, k, hex);
                    for (var t = 0; t < 6; t++)
                    {
                        int a = hex[Kuhn[4 * t]], b = hex[Kuhn[(4 * t) + 1]], c = hex[Kuhn[(4 * t) + 2]], d = hex[Kuhn[(4 * t) + 3]];
                        if (SignedVolume(x, y, z, a, b, c, d) < 0)
                        {
                            (b, c) = (c, b);
                        }

                        if (SignedVolume(x, y, z, a, b, c, d) <= 0)
                        {
                            throw new InvalidOperationException("distortion too large: a tetrahedron inverted");
                        }

                        corners.AddRange([a, b, c, d]);
                    }
                }
            }
        }

        int[] connectivity;
        if (!quadratic)
        {
            connectivity = [.. corners];
        }
        else
        {
            var mid = new Dictionary<(int, int), int>();
            var edges = new[] { 0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3 };
            connectivity = new int[corners.Count / 4 * 10];
            for (var e = 0; e < corners.Count / 4; e++)
            {
                for (var c = 0; c < 4; c++)
                {
                    connectivity[(10 * e) + c] = corners[(4 * e) + c];
                }

                for (var m = 0; m < 6; m++)
                {
                    connectivity[(10 * e) + 4 + m] = StructuredMesh.MidEdgeNode(mid, x, y, z, corners[(4 * e) + edges[2 * m]], corners[(4 * e) + edges[(2 * m) + 1]]);
                }
            }
        }

        var type = quadratic ? ElementType.Tet10 : ElementType.Tet4;
        var mesh = new Mesh([.. x], [.. y], [.. z], [new ElementBlock(type, connectivity)]);
        AddSides(mesh, lx, ly, lz);
        return mesh;
    }

    private static void AddSides(Mesh mesh, double lx, double ly, double lz)
    {
        var tol = 1e-12 * (lx + ly + lz);
        (string Name, Func<int, bool> On)[] sides =
        [
            ("xmin", n => Math.Abs(mesh.X[n]) < tol),
            ("xmax", n => Math.Abs(mesh.X[n] - lx) < tol),
            ("ymin", n => Math.Abs(mesh.Y[n]) < tol),
            ("ymax", n => Math.Abs(mesh.Y[n] - ly) < tol),
            ("zmin", n => Math.Abs(mesh.Z[n]) < tol),
            ("zmax", n => Math.Abs(mesh.Z[n] - lz) < tol),
        ];
        var block = mesh.Blocks[0];
        var quadratic = block.Type == ElementType.Tet10;
        int[] faces = quadratic
            ? [0, 2, 1, 6, 5, 4, 0, 1, 3, 4, 8, 7, 1, 2, 3, 5, 9, 8, 0, 3, 2, 7, 9, 6]
            : [0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2];
        var npf = quadratic ? 6 : 3;
        var boundary = new HashSet<int>();
        foreach (var (name, on) in sides)
        {
            var nodes = new List<int>();
            var faceNodes = new List<int>();
            for (var n = 0; n < mesh.NodeCount; n++)
            {
                if (on(n))
                {
                    nodes.Add(n);
                    boundary.Add(n);
                }
            }

            for (var e = 0; e < block.Count; e++)
            {
                var en = block.Nodes(e);
                for (var f = 0; f < 4; f++)
                {
                    if (on(en[faces[npf * f]]) && on(en[faces[(npf * f) + 1]]) && on(en[faces[(npf * f) + 2]]))
                    {
                        for (var a = 0; a < npf; a++)
                        {
                            faceNodes.Add(en[faces[(npf * f) + a]]);
                        }
                    }
                }
            }

            mesh.AddNodeSet(new NodeSet(name, nodes));
            mesh.AddFaceSet(new FaceSet(name, quadratic ? FaceType.Tri6 : FaceType.Tri3, [.. faceNodes]));
        }

        mesh.AddNodeSet(new NodeSet("boundary", boundary));
        var interior = new List<int>();
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if (!boundary.Contains(n))
            {
                interior.Add(n);
            }
        }

        if (interior.Count > 0)
        {
            mesh.AddNodeSet(new NodeSet("interior", interior));
        }
    }

    /// <summary>
    /// Lattice positions of the box [0, lx] x [0, ly] x [0, lz] in n cells per axis; interior nodes move by up to
    /// <paramref name="distortion"/> of the cell size per axis (random, from <paramref name="seed"/>, drawn in lattice order).
    /// </summary>
    public static Func<int, int, int, (double X, double Y, double Z)> BoxCorner(int nx, int ny, int nz, double lx, double ly, double lz, double distortion, int seed)
    {
        var random = new Random(seed);
        return (i, j, k) =>
        {
            double px = lx * i / nx, py = ly * j / ny, pz = lz * k / nz;
            if (distortion > 0 && i > 0 && i < nx && j > 0 && j < ny && k > 0 && k < nz)
            {
                px += distortion * (lx / nx) * ((2 * random.NextDouble()) - 1);
                py += distortion * (ly / ny) * ((2 * random.NextDouble()) - 1);
                pz += distortion * (lz / nz) * ((2 * random.NextDouble()) - 1);
            }

            return (px, py, pz);
        };
    }

    private static double SignedVolume(List<double> x, List<double> y, List<double> z, int a, int b, int c, int d)
    {
        double ux = x[b] - x[a], uy = y[b] - y[a], uz = z[b] - z[a];
        double vx = x[c] - x[a], vy = y[c] - y[a], vz = z[c] - z[a];
        double wx = x[d] - x[a], wy = y[d] - y[a], wz = z[d] - z[a];
        return ((ux * ((vy * wz) - (vz * wy))) - (uy * ((vx * wz) - (vz * wx))) + (uz * ((vx * wy) - (vy * wx)))) / 6;
    }
}
