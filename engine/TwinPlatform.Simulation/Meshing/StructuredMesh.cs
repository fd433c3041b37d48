namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// Meshes of a logically rectangular block: nx x ny x nz cells whose corner nodes are placed by a
/// function of their lattice indices, as hexahedra (8 or 20 nodes) or each split along z into two
/// wedges (6 or 15 nodes). Mid-edge nodes sit at the midpoints of straight edges and are shared
/// between the elements on an edge.
/// </summary>
public static class StructuredMesh
{
    /// <summary>Builds the mesh, with no node, element or face sets.</summary>
    /// <param name="type">A hexahedral or wedge element type.</param>
    /// <param name="nx">Cells along i.</param>
    /// <param name="ny">Cells along j.</param>
    /// <param name="nz">Cells along k.</param>
    /// <param name="corner">Position of lattice node (i, j, k), 0 &lt;= i &lt;= nx and so on; called once per node, k slowest, then j, then i.</param>
    /// <remarks>Corner node (i, j, k) has index <c>i + (nx + 1) (j + (ny + 1) k)</c>; mid-edge nodes follow the corners.</remarks>
    public static Mesh Create(ElementType type, int nx, int ny, int nz, Func<int, int, int, (double X, double Y, double Z)> corner)
    {
        ArgumentNullException.ThrowIfNull(corner);
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nz, 1);
        var shape = ElementTopology.Shape(type);
        if (shape == ReferenceShape.Tetrahedron)
        {
            throw new ArgumentException($"{type}: a structured mesh is built of hexahedra or wedges", nameof(type));
        }

        var (x, y, z) = Lattice(nx, ny, nz, corner);
        var cornerCount = type.CornersPerElement();
        var nodesPer = type.NodesPerElement();
        var wedge = shape == ReferenceShape.Wedge;
        var elements = nx * ny * nz * (wedge ? 2 : 1);
        var connectivity = new int[elements * nodesPer];
        var edges = ElementTopology.IsQuadratic(type) ? ElementTopology.EdgeCorners(type) : [];
        var mid = new Dictionary<(int, int), int>();
        Span<int> h = stackalloc int[8];
        var e = 0;
        for (var k = 0; k < nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    CellCorners(nx, ny, i, j, k, h);
                    if (wedge)
                    {
                        Add([h[0], h[1], h[2], h[4], h[5], h[6]], edges);
                        Add([h[0], h[2], h[3], h[4], h[6], h[7]], edges);
                    }
                    else
                    {
                        Add(h, edges);
                    }
                }
            }
        }

        return new Mesh([.. x], [.. y], [.. z], [new ElementBlock(type, connectivity)]);

        void Add(ReadOnlySpan<int> corners, ReadOnlySpan<int> edgeCorners)
        {
            var first = e * nodesPer;
            corners[..cornerCount].CopyTo(connectivity.AsSpan(first));
            for (var m = 0; m < edgeCorners.Length / 2; m++)
            {
                connectivity[first + cornerCount + m] = MidEdgeNode(mid, x, y, z, corners[edgeCorners[2 * m]], corners[edgeCorners[(2 * m) + 1]]);
            }

            e++;
        }
    }

    /// <summary>
    /// The node at the midpoint of edge (a, b): the one made for the edge before (found in <paramref name="shared"/>
    /// whichever way round the edge is given), or a new one appended to the coordinate lists.
    /// </summary>
    public static int MidEdgeNode(Dictionary<(int, int), int> shared, List<double> x, List<double> y, List<double> z, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        var key = (Math.Min(a, b), Math.Max(a, b));
        if (!shared.TryGetValue(key, out var node))
        {
            node = x.Count;
            x.Add(0.5 * (x[a] + x[b]));
            y.Add(0.5 * (y[a] + y[b]));
            z.Add(0.5 * (z[a] + z[b]));
            shared[key] = node;
        }

        return node;
    }

    /// <summary>The (nx + 1)(ny + 1)(nz + 1) lattice nodes, placed by <paramref name="corner"/> in index order (k slowest, then j, then i).</summary>
    public static (List<double> X, List<double> Y, List<double> Z) Lattice(int nx, int ny, int nz, Func<int, int, int, (double X, double Y, double Z)> corner)
    {
        ArgumentNullException.ThrowIfNull(corner);
        var count = (nx + 1) * (ny + 1) * (nz + 1);
        List<double> x = new(count), y = new(count), z = new(count);
        for (var k = 0; k <= nz; k++)
        {
            for (var j = 0; j <= ny; j++)
            {
                for (var i = 0; i <= nx; i++)
                {
                    var (px, py, pz) = corner(i, j, k);
                    x.Add(px);
                    y.Add(py);
                    z.Add(pz);
                }
            }
        }

        return (x, y, z);
    }

    /// <summary>The 8 lattice node indices of cell (i, j, k): bottom face (k) counter-clockwise from (i, j), then the top face (k + 1) likewise.</summary>
    public static void CellCorners(int nx, int ny, int i, int j, int k, Span<int> corners)
    {
        int Index(int a, int b, int c) => a + ((nx + 1) * (b + ((ny + 1) * c)));
        corners[0] = Index(i, j, k);
        corners[1] = Index(i + 1, j, k);
        corners[2] = Index(i + 1, j + 1, k);
        corners[3] = Index(i, j + 1, k);
        corners[4] = Index(i, j, k + 1);
        corners[5] = Index(i + 1, j, k + 1);
        corners[6] = Index(i + 1, j + 1, k + 1);
        corners[7] = Index(i, j + 1, k + 1);
    }
}
