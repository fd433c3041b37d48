using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Output;

/// <summary>
/// Writes a mesh and point fields as a VTK XML unstructured grid (.vtu) for ParaView.
/// </summary>
/// <remarks>
/// <para>Cells: Tet4 as VTK_TETRA (10), Tet10 as VTK_QUADRATIC_TETRA (24), Hex8 as VTK_HEXAHEDRON (12), Hex20 and
/// Hex20Reduced as VTK_QUADRATIC_HEXAHEDRON (25), Wedge6 as VTK_WEDGE (13), Wedge15 as VTK_QUADRATIC_WEDGE (26).
/// The internal node orders are CalculiX's, and they coincide with VTK's for all of these cells: the mid-edge
/// nodes of the 20-node hexahedron lie on (0,1), (1,2), (2,3), (3,0), (4,5), (5,6), (6,7), (7,4), then (0,4),
/// (1,5), (2,6), (3,7) in both, and VTK's wedge, like CalculiX's, has corners 0-2 counter-clockwise seen from
/// corners 3-5 (its parametric coordinates; the face list of vtkWedge is inward like CalculiX's). It is the
/// CalculiX .frd file that differs: it lists the 20-node hexahedron's vertical edges (nodes 16-19) before the
/// top ones (12-15). So connectivity is written as is.</para>
/// <para>Symmetric tensors are written with 6 components in VTK's order XX, YY, ZZ, XY, YZ, XZ.</para>
/// </remarks>
public sealed class VtuWriter
{
    private readonly Mesh _mesh;
    private readonly List<(string Name, int Components, double[] Values, string[]? ComponentNames)> _pointData = [];
    private readonly List<(string Name, int Components, double[] Values)> _cellData = [];

    /// <summary>Creates a writer for <paramref name="mesh"/>.</summary>
    public VtuWriter(Mesh mesh, VtuEncoding encoding = VtuEncoding.Ascii)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        _mesh = mesh;
        Encoding = encoding;
    }

    /// <summary>Data encoding.</summary>
    public VtuEncoding Encoding { get; }

    /// <summary>Writes the mesh with displacement (vector), von Mises stress and the stress tensor of one load case.</summary>
    public static void WriteResult(string path, LoadCaseResult result, VtuEncoding encoding = VtuEncoding.Ascii)
    {
        ArgumentNullException.ThrowIfNull(result);
        new VtuWriter(result.Mesh, encoding)
            .AddPointData("displacement", 3, result.Displacements)
            .AddPointData("von_mises", 1, result.NodalVonMises)
            .AddPointData("stress", 6, result.Stresses.NodalStresses, ["XX", "YY", "ZZ", "XY", "YZ", "XZ"])
            .Write(path);
    }

    /// <summary>Adds a point field with <paramref name="components"/> values per node.</summary>
    public VtuWriter AddPointData(string name, int components, double[] values, IReadOnlyList<string>? componentNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (components < 1 || values.Length != components * _mesh.NodeCount)
        {
            throw new ArgumentException($"point field '{name}' has {values.Length} values; expected {components} per node for {_mesh.NodeCount} nodes", nameof(values));
        }

        _pointData.Add((name, components, values, componentNames is null ? null : [.. componentNames]));
        return this;
    }

    /// <summary>Adds a cell field with <paramref name="components"/> values per element (global element order).</summary>
    public VtuWriter AddCellData(string name, int components, double[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (components < 1 || values.Length != components * _mesh.ElementCount)
        {
            throw new ArgumentException($"cell field '{name}' has {values.Length} values; expected {components} per element for {_mesh.ElementCount} elements", nameof(values));
        }

        _cellData.Add((name, components, values));
        return this;
    }

    /// <summary>The VTK cell type of an element type.</summary>
    public static byte VtkCellType(ElementType type) => type switch
    {
        ElementType.Tet4 => 10,
        ElementType.Tet10 => 24,
        ElementType.Hex8 => 12,
        ElementType.Hex20 or ElementType.Hex20Reduced => 25,
        ElementType.Wedge6 => 13,
        ElementType.Wedge15 => 26,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no VTK cell type for this element type"),
    };

    /// <summary>Writes the file.</summary>
    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(stream);
    }

    /// <summary>Writes the document to <paramref name="stream"/> (left open).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.NewLine = "\n";
        var cells = 0;
        var connectivityLength = 0;
        foreach (var block in _mesh.Blocks)
        {
            cells += block.Count;
            connectivityLength += block.Connectivity.Length;
        }

        w.WriteLine("<?xml version=\"1.0\"?>");
        w.WriteLine("<VTKFile type=\"UnstructuredGrid\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">");
        w.WriteLine("  <UnstructuredGrid>");
        w.WriteLine(Invariant($"    <Piece NumberOfPoints=\"{_mesh.NodeCount}\" NumberOfCells=\"{cells}\">"));
        w.WriteLine("      <PointData>");
        foreach (var (name, components, values, names) in _pointData)
        {
            var attributes = new StringBuilder();
            if (names is not null)
            {
                for (var c = 0; c < names.Length; c++)
                {
                    attributes.Append(Invariant($" ComponentName{c}=\"{Escape(names[c])}\""));
                }
            }

            WriteDoubles(w, $"Name=\"{Escape(name)}\" NumberOfComponents=\"{components}\"{attributes}", values, components);
        }

        w.WriteLine("      </PointData>");
        if (_cellData.Count > 0)
        {
            w.WriteLine("      <CellData>");
            foreach (var (name, components, values) in _cellData)
            {
                WriteDoubles(w, $"Name=\"{Escape(name)}\" NumberOfComponents=\"{components}\"", values, components);
            }

            w.WriteLine("      </CellData>");
        }

        w.WriteLine("      <Points>");
        var xyz = new double[3 * _mesh.NodeCount];
        for (var n = 0; n < _mesh.NodeCount; n++)
        {
            xyz[3 * n] = _mesh.X[n];
            xyz[(3 * n) + 1] = _mesh.Y[n];
            xyz[(3 * n) + 2] = _mesh.Z[n];
        }

        WriteDoubles(w, "Name=\"Points\" NumberOfComponents=\"3\"", xyz, 3);
        w.WriteLine("      </Points>");
        w.WriteLine("      <Cells>");
        var connectivity = new long[connectivityLength];
        var offsets = new long[cells];
        var types = new byte[cells];
        int k = 0, cell = 0;
        long end = 0;
        foreach (var block in _mesh.Blocks)
        {
            var vtkType = VtkCellType(block.Type);
            foreach (var node in block.Connectivity)
            {
                connectivity[k++] = node;
            }

            for (var e = 0; e < block.Count; e++)
            {
                end += block.NodesPerElement;
                offsets[cell] = end;
                types[cell++] = vtkType;
            }
        }

        WriteIntegers(w, "Int64", "connectivity", connectivity, 8);
        WriteIntegers(w, "Int64", "offsets", offsets, 8);
        WriteIntegers(w, "UInt8", "types", Array.ConvertAll(types, static t => (long)t), 1);
        w.WriteLine("      </Cells>");
        w.WriteLine("    </Piece>");
        w.WriteLine("  </UnstructuredGrid>");
        w.WriteLine("</VTKFile>");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private void WriteDoubles(StreamWriter w, string attributes, double[] values, int perLine)
    {
        if (Encoding == VtuEncoding.Base64)
        {
            var bytes = new byte[8 + (8 * values.Length)];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(8 * values.Length));
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 + (8 * i)), values[i]);
            }

            w.WriteLine($"        <DataArray type=\"Float64\" {attributes} format=\"binary\">");
            w.WriteLine("          " + Convert.ToBase64String(bytes));
            w.WriteLine("        </DataArray>");
            return;
        }

        w.WriteLine($"        <DataArray type=\"Float64\" {attributes} format=\"ascii\">");
        for (var i = 0; i < values.Length; i += perLine)
        {
            w.Write("          ");
            for (var j = 0; j < perLine && i + j < values.Length; j++)
            {
                if (j > 0)
                {
                    w.Write(' ');
                }

                w.Write(values[i + j].ToString("R", CultureInfo.InvariantCulture));
            }

            w.WriteLine();
        }

        w.WriteLine("        </DataArray>");
    }

    private void WriteIntegers(StreamWriter w, string type, string name, long[] values, int size)
    {
        if (Encoding == VtuEncoding.Base64)
        {
            var bytes = new byte[8 + (size * values.Length)];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(size * values.Length));
            for (var i = 0; i < values.Length; i++)
            {
                if (size == 8)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 + (8 * i)), values[i]);
                }
                else
                {
                    bytes[8 + i] = (byte)values[i];
                }
            }

            w.WriteLine($"        <DataArray type=\"{type}\" Name=\"{name}\" format=\"binary\">");
            w.WriteLine("          " + Convert.ToBase64String(bytes));
            w.WriteLine("        </DataArray>");
            return;
        }

        w.WriteLine($"        <DataArray type=\"{type}\" Name=\"{name}\" format=\"ascii\">");
        for (var i = 0; i < values.Length; i += 16)
        {
            w.Write("          ");
            for (var j = 0; j < 16 && i + j < values.Length; j++)
            {
                if (j > 0)
                {
                    w.Write(' ');
                }

                w.Write(values[i + j].ToString(CultureInfo.InvariantCulture));
            }

            w.WriteLine();
        }

        w.WriteLine("        </DataArray>");
    }
}
