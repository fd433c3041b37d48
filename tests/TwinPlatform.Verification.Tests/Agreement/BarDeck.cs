using System.Globalization;
using System.Text;
using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Verification.Tests.Agreement;

/// <summary>
/// Structured meshes of the bar [0, L] x [0, B] x [0, H] in any CalculiX solid element type, written as deck
/// text: hexahedra directly, wedges as two prisms per cell, tetrahedra as six per cell (Kuhn split along the
/// cell diagonal, conforming between cells). Node numbers are given on first use, so only used nodes appear.
/// </summary>
/// <remarks>
/// Sets: NALL, EALL, FIXED (x = 0), TIP (x = L) and the node sets CHECK_MID (L/2, 0, H) and CHECK_ROOT (L/nx, 0, H),
/// both corner nodes; surfaces END (faces on x = L) and TOPFACE (faces on z = H), found from the CalculiX face
/// numbering (<see cref="DeckElementTypes.FaceCorners"/>).
/// </remarks>
internal sealed class BarDeck
{
    private readonly Dictionary<(int, int, int), int> _ids = [];
    private readonly List<(int I, int J, int K)> _grid = [];
    private readonly List<int[]> _elements = [];

    public BarDeck(DeckElementType type, double length, double width, double height, int nx, int ny, int nz)
    {
        (Type, Length, Width, Height, Nx, Ny, Nz) = (type, length, width, height, nx, ny, nz);
        for (var i = 0; i < nx; i++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var k = 0; k < nz; k++)
                {
                    AddCell(2 * i, 2 * j, 2 * k);
                }
            }
        }
    }

    public DeckElementType Type { get; }

    public double Length { get; }

    public double Width { get; }

    public double Height { get; }

    public int Nx { get; }

    public int Ny { get; }

    public int Nz { get; }

    private bool Quadratic => Type.NodeCount() is 10 or 15 or 20;

    /// <summary>Node, element, set and surface cards.</summary>
    public string MeshText()
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine("*NODE, NSET=NALL");
        for (var n = 0; n < _grid.Count; n++)
        {
            var (x, y, z) = Position(_grid[n]);
            b.AppendLine(c, $"{n + 1}, {x:G12}, {y:G12}, {z:G12}");
        }

        b.AppendLine(c, $"*ELEMENT, TYPE={Type}, ELSET=EALL");
        for (var e = 0; e < _elements.Count; e++)
        {
            var nodes = _elements[e];
            b.Append(c, $"{e + 1}");
            for (var k = 0; k < nodes.Length; k++)
            {
                b.Append(k > 0 && k % 15 == 0 ? ",\n" : ", ");
                b.Append(nodes[k].ToString(c));
            }

            b.AppendLine();
        }

        NodeSet(b, "FIXED", static (i, _, _, _) => i == 0);
        NodeSet(b, "TIP", (i, _, _, _) => i == 2 * Nx);
        NodeSet(b, "CHECK_MID", (i, j, k, _) => i == Nx && j == 0 && k == 2 * Nz);
        NodeSet(b, "CHECK_ROOT", (i, j, k, _) => i == 2 && j == 0 && k == 2 * Nz);
        Surface(b, "END", (i, _, _) => i == 2 * Nx);
        Surface(b, "TOPFACE", (_, _, k) => k == 2 * Nz);
        return b.ToString();
    }

    private (double X, double Y, double Z) Position((int I, int J, int K) g) =>
        (g.I * Length / (2 * Nx), g.J * Width / (2 * Ny), g.K * Height / (2 * Nz));

    private void NodeSet(StringBuilder b, string name, Func<int, int, int, int, bool> where)
    {
        b.AppendLine("*NSET, NSET=" + name);
        var line = new List<string>();
        for (var n = 0; n < _grid.Count; n++)
        {
            var (i, j, k) = _grid[n];
            if (where(i, j, k, n))
            {
                line.Add((n + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        for (var p = 0; p < line.Count; p += 8)
        {
            b.AppendLine(string.Join(", ", line.Skip(p).Take(8)) + ",");
        }
    }

    private void Surface(StringBuilder b, string name, Func<int, int, int, bool> where)
    {
        b.AppendLine($"*SURFACE, NAME={name}, TYPE=ELEMENT");
        for (var e = 0; e < _elements.Count; e++)
        {
            for (var f = 1; f <= Type.FaceCount(); f++)
            {
                var all = true;
                foreach (var corner in Type.FaceCorners(f))
                {
                    var (i, j, k) = _grid[_elements[e][corner] - 1];
                    all &= where(i, j, k);
                }

                if (all)
                {
                    b.AppendLine(CultureInfo.InvariantCulture, $"{e + 1}, S{f}");
                }
            }
        }
    }

    private int Id(int i, int j, int k)
    {
        if (!_ids.TryGetValue((i, j, k), out var id))
        {
            _grid.Add((i, j, k));
            id = _grid.Count;
            _ids[(i, j, k)] = id;
        }

        return id;
    }

    private int Mid((int, int, int) a, (int, int, int) b) =>
        Id((a.Item1 + b.Item1) / 2, (a.Item2 + b.Item2) / 2, (a.Item3 + b.Item3) / 2);

    private void AddCell(int i, int j, int k)
    {
        // Corners in CalculiX hexahedron order: bottom face counter-clockwise seen from +z, then the top face.
        (int, int, int)[] c =
        [
            (i, j, k), (i + 2, j, k), (i + 2, j + 2, k), (i, j + 2, k),
            (i, j, k + 2), (i + 2, j, k + 2), (i + 2, j + 2, k + 2), (i, j + 2, k + 2),
        ];
        switch (Type)
        {
            case DeckElementType.C3D8 or DeckElementType.C3D20 or DeckElementType.C3D20R:
                Add(c, [0, 1, 2, 3, 4, 5, 6, 7], [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (5, 6), (6, 7), (7, 4), (0, 4), (1, 5), (2, 6), (3, 7)]);
                break;
            case DeckElementType.C3D6 or DeckElementType.C3D15:
                int[][] prisms = [[0, 1, 2, 4, 5, 6], [0, 2, 3, 4, 6, 7]];
                foreach (var p in prisms)
                {
                    Add(c, p, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (0, 3), (1, 4), (2, 5)]);
                }

                break;
            default:
                int[][] tets = [[0, 1, 2, 6], [0, 2, 3, 6], [0, 3, 7, 6], [0, 7, 4, 6], [0, 4, 5, 6], [0, 5, 1, 6]];
                foreach (var t in tets)
                {
                    Add(c, t, [(0, 1), (1, 2), (2, 0), (0, 3), (1, 3), (2, 3)]);
                }

                break;
        }
    }

    /// <summary>Adds an element from cell corners <paramref name="corners"/>, with mid-edge nodes on <paramref name="edges"/> (local corner pairs) when quadratic.</summary>
    private void Add((int, int, int)[] cell, int[] corners, (int A, int B)[] edges)
    {
        var nodes = new List<int>();
        foreach (var k in corners)
        {
            nodes.Add(Id(cell[k].Item1, cell[k].Item2, cell[k].Item3));
        }

        if (Quadratic)
        {
            foreach (var (a, b) in edges)
            {
                nodes.Add(Mid(cell[corners[a]], cell[corners[b]]));
            }
        }

        _elements.Add([.. nodes]);
    }
}
