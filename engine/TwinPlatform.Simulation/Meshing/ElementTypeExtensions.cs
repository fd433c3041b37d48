namespace TwinPlatform.Simulation.Meshing;

/// <summary>Topological facts about <see cref="ElementType"/> values, and their CalculiX and VTK names.</summary>
public static class ElementTypeExtensions
{
    /// <summary>Number of nodes of one element of this type.</summary>
    public static int NodesPerElement(this ElementType type) => type switch
    {
        ElementType.Tet4 => 4,
        ElementType.Tet10 => 10,
        ElementType.Hex8 => 8,
        ElementType.Hex20 or ElementType.Hex20Reduced => 20,
        ElementType.Wedge6 => 6,
        ElementType.Wedge15 => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Number of corner (vertex) nodes; the corners come first in every element's node list.</summary>
    public static int CornersPerElement(this ElementType type) => type switch
    {
        ElementType.Tet4 or ElementType.Tet10 => 4,
        ElementType.Hex8 or ElementType.Hex20 or ElementType.Hex20Reduced => 8,
        ElementType.Wedge6 or ElementType.Wedge15 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Number of integration points per element (the stiffness rule; stresses are reported there).</summary>
    public static int IntegrationPointCount(this ElementType type) => type switch
    {
        ElementType.Tet4 => 1,
        ElementType.Tet10 => 4,
        ElementType.Hex8 or ElementType.Hex20Reduced => 8,
        ElementType.Hex20 => 27,
        ElementType.Wedge6 => 2,
        ElementType.Wedge15 => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Number of faces: 4 (tetrahedra), 6 (hexahedra), 5 (wedges).</summary>
    public static int FaceCount(this ElementType type) => ElementTopology.FaceCount(type);

    /// <summary>Topology of face <paramref name="face"/> (1-based CalculiX S-number).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such face.</exception>
    public static FaceType FaceTypeOf(this ElementType type, int face) => ElementTopology.FaceTypeOf(type, face);

    /// <summary>
    /// Local (0-based) node indices of face <paramref name="face"/> (1-based CalculiX S-number): corners, then
    /// mid-edge nodes, ordered so that the right-hand normal points out of the element (CalculiX's own face
    /// tables). Tetrahedra: S1 (0,1,2), S2 (0,1,3), S3 (1,2,3), S4 (0,2,3); hexahedra: S1 (0-3), S2 (4-7),
    /// S3 (0,1,5,4), S4 (1,2,6,5), S5 (2,3,7,6), S6 (3,0,4,7); wedges: S1 (0,1,2), S2 (3,4,5), S3 (0,1,4,3),
    /// S4 (1,2,5,4), S5 (2,0,3,5).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such face.</exception>
    public static ReadOnlySpan<int> FaceNodes(this ElementType type, int face) => ElementTopology.FaceNodes(type, face);

    /// <summary>The CalculiX/Abaqus element label: C3D4, C3D10, C3D8, C3D20, C3D20R, C3D6, C3D15.</summary>
    public static string CalculixName(this ElementType type) => type switch
    {
        ElementType.Tet4 => "C3D4",
        ElementType.Tet10 => "C3D10",
        ElementType.Hex8 => "C3D8",
        ElementType.Hex20 => "C3D20",
        ElementType.Hex20Reduced => "C3D20R",
        ElementType.Wedge6 => "C3D6",
        ElementType.Wedge15 => "C3D15",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>The element type of a CalculiX/Abaqus label (case-insensitive); false for labels without a kernel here (C3D8R, C3D8I, C3D10T, ...).</summary>
    public static bool TryParseCalculix(string label, out ElementType type)
    {
        ArgumentNullException.ThrowIfNull(label);
        switch (label.Trim().ToUpperInvariant())
        {
            case "C3D4":
                type = ElementType.Tet4;
                return true;
            case "C3D10":
                type = ElementType.Tet10;
                return true;
            case "C3D8":
                type = ElementType.Hex8;
                return true;
            case "C3D20":
                type = ElementType.Hex20;
                return true;
            case "C3D20R":
                type = ElementType.Hex20Reduced;
                return true;
            case "C3D6":
                type = ElementType.Wedge6;
                return true;
            case "C3D15":
                type = ElementType.Wedge15;
                return true;
            default:
                type = default;
                return false;
        }
    }

    /// <summary>
    /// The VTK cell type: VTK_TETRA 10, VTK_QUADRATIC_TETRA 24, VTK_HEXAHEDRON 12, VTK_QUADRATIC_HEXAHEDRON 25
    /// (also for C3D20R), VTK_WEDGE 13, VTK_QUADRATIC_WEDGE 26. The node order is the internal one for every
    /// type (VTK's tetrahedra and hexahedra match CalculiX; VTK wedges take the same order as gmsh prisms).
    /// </summary>
    public static byte VtkCellType(this ElementType type) => type switch
    {
        ElementType.Tet4 => 10,
        ElementType.Tet10 => 24,
        ElementType.Hex8 => 12,
        ElementType.Hex20 or ElementType.Hex20Reduced => 25,
        ElementType.Wedge6 => 13,
        ElementType.Wedge15 => 26,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };
}
