using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Gmsh;

/// <summary>
/// Reads gmsh MSH 4.1 ASCII meshes: $MeshFormat, $PhysicalNames, $Entities, $Nodes, $Elements (other
/// sections are skipped).
/// </summary>
/// <remarks>
/// <para>Volume elements: linear (type 4) and quadratic (type 11) tetrahedra of every volume entity. Gmsh's
/// type-11 node order differs from the internal (CalculiX/VTK) order in its last two nodes: gmsh node 8 lies
/// on edge (2,3) and node 9 on edge (1,3); the reader swaps them (see <see cref="Elements.Tet10Kernel"/>).</para>
/// <para>Physical groups: a volume group becomes an element set; a surface group becomes a face set (3- or
/// 6-node triangles, types 2 and 9) and a node set of the same name; curve and point groups become node
/// sets. A group without a name in $PhysicalNames is called <c>volume7</c>, <c>surface3</c>, and so on.</para>
/// <para>Node tags may have gaps: nodes are renumbered densely in file order, keeping only nodes that volume
/// elements use. Coordinates are multiplied by the scale factor (for example 1e-3 for a model in mm).</para>
/// <para>Anything malformed raises <see cref="InputFileException"/> with the file, line, column and section.</para>
/// </remarks>
public static class GmshReader
{
    /// <summary>Reads the mesh in file <paramref name="path"/>.</summary>
    /// <param name="path">.msh file.</param>
    /// <param name="scaleToMetres">Factor taking file coordinates to metres (1e-3 for millimetres).</param>
    public static Mesh Read(string path, double scaleToMetres = 1.0)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, path, scaleToMetres);
    }

    /// <summary>Reads a mesh from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    public static Mesh Read(TextReader reader, string fileName, double scaleToMetres = 1.0)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!(scaleToMetres > 0) || !double.IsFinite(scaleToMetres))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleToMetres), scaleToMetres, "scale factor must be positive");
        }

        var state = new MshContent(new MshTokenizer(reader, fileName));
        state.Parse();
        return state.Build(scaleToMetres);
    }

    /// <summary>Nodes per element of a gmsh element type, or -1 if the type is unknown.</summary>
    internal static int NodesOfType(int type) => type switch
    {
        1 => 2,
        2 => 3,
        3 => 4,
        4 => 4,
        5 => 8,
        6 => 6,
        7 => 5,
        8 => 3,
        9 => 6,
        10 => 9,
        11 => 10,
        12 => 27,
        13 => 18,
        14 => 14,
        15 => 1,
        16 => 8,
        17 => 20,
        18 => 15,
        19 => 13,
        _ => -1,
    };

    internal static string TypeName(int type) => type switch
    {
        1 => "2-node line",
        2 => "3-node triangle",
        3 => "4-node quadrangle",
        4 => "4-node tetrahedron",
        5 => "8-node hexahedron",
        6 => "6-node prism",
        7 => "5-node pyramid",
        8 => "3-node line",
        9 => "6-node triangle",
        10 => "9-node quadrangle",
        11 => "10-node tetrahedron",
        12 => "27-node hexahedron",
        13 => "18-node prism",
        14 => "14-node pyramid",
        15 => "point",
        16 => "8-node quadrangle",
        17 => "20-node hexahedron",
        18 => "15-node prism",
        19 => "13-node pyramid",
        _ => "type " + type.ToString(CultureInfo.InvariantCulture),
    };
}
