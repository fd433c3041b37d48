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

        var mesh = StructuredMesh.Create(type, nx, ny, nz, TestMeshes.BoxCorner(nx, ny, nz, lx, ly, lz, distortion, seed));
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
