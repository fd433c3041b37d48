namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// Local faces and edges of every element type, in CalculiX order (its ifacet, ifaceq and ifacew tables):
/// face k (1-based S-number) lists its corners, then its mid-edge nodes, ordered so that the right-hand
/// normal points out of a positively oriented element.
/// </summary>
internal static class ElementTopology
{
    // Tetrahedron S1..S4: corners then mid-edge nodes (C3D10), 6 entries per face.
    private static ReadOnlySpan<int> TetFaces => [0, 2, 1, 6, 5, 4, 0, 1, 3, 4, 8, 7, 1, 2, 3, 5, 9, 8, 0, 3, 2, 7, 9, 6];

    // Hexahedron S1..S6: 4 corners then 4 mid-edge nodes (C3D20), 8 entries per face.
    private static ReadOnlySpan<int> HexFaces =>
    [
        3, 2, 1, 0, 10, 9, 8, 11,
        4, 5, 6, 7, 12, 13, 14, 15,
        0, 1, 5, 4, 8, 17, 12, 16,
        1, 2, 6, 5, 9, 18, 13, 17,
        2, 3, 7, 6, 10, 19, 14, 18,
        3, 0, 4, 7, 11, 16, 15, 19,
    ];

    // Wedge S1..S5: S1, S2 triangles (3 corners, 3 mid-edge nodes), S3..S5 quadrilaterals; 8 entries per face.
    private static ReadOnlySpan<int> WedgeFaces =>
    [
        0, 2, 1, 8, 7, 6, -1, -1,
        3, 4, 5, 9, 10, 11, -1, -1,
        0, 1, 4, 3, 6, 13, 9, 12,
        1, 2, 5, 4, 7, 14, 10, 13,
        2, 0, 3, 5, 8, 12, 11, 14,
    ];

    // Corner pairs of the edges; edge k carries mid-edge node CornerCount + k of the quadratic element.
    private static ReadOnlySpan<int> TetEdges => [0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3];

    private static ReadOnlySpan<int> HexEdges => [0, 1, 1, 2, 2, 3, 3, 0, 4, 5, 5, 6, 6, 7, 7, 4, 0, 4, 1, 5, 2, 6, 3, 7];

    private static ReadOnlySpan<int> WedgeEdges => [0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 0, 3, 1, 4, 2, 5];

    /// <summary>Reference shape of an element type.</summary>
    public static ReferenceShape Shape(ElementType type) => type switch
    {
        ElementType.Tet4 or ElementType.Tet10 => ReferenceShape.Tetrahedron,
        ElementType.Hex8 or ElementType.Hex20 or ElementType.Hex20Reduced => ReferenceShape.Hexahedron,
        ElementType.Wedge6 or ElementType.Wedge15 => ReferenceShape.Wedge,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>True for the quadratic (mid-edge node) types.</summary>
    public static bool IsQuadratic(ElementType type) =>
        type is ElementType.Tet10 or ElementType.Hex20 or ElementType.Hex20Reduced or ElementType.Wedge15;

    /// <summary>Number of faces.</summary>
    public static int FaceCount(ElementType type) => Shape(type) switch
    {
        ReferenceShape.Tetrahedron => 4,
        ReferenceShape.Hexahedron => 6,
        _ => 5,
    };

    /// <summary>Face type of 1-based face <paramref name="face"/>.</summary>
    public static FaceType FaceTypeOf(ElementType type, int face)
    {
        CheckFace(type, face);
        var quadratic = IsQuadratic(type);
        var triangle = Shape(type) == ReferenceShape.Tetrahedron || (Shape(type) == ReferenceShape.Wedge && face <= 2);
        return triangle ? (quadratic ? FaceType.Tri6 : FaceType.Tri3) : (quadratic ? FaceType.Quad8 : FaceType.Quad4);
    }

    /// <summary>Local node indices of 1-based face <paramref name="face"/>, outward right-hand order, corners first.</summary>
    public static ReadOnlySpan<int> FaceNodes(ElementType type, int face)
    {
        CheckFace(type, face);
        var n = NodesPerFace(FaceTypeOf(type, face));
        return Shape(type) switch
        {
            ReferenceShape.Tetrahedron => TetFaces.Slice(6 * (face - 1), n),
            ReferenceShape.Hexahedron => HexFaces.Slice(8 * (face - 1), n),
            _ => WedgeFaces.Slice(8 * (face - 1), n),
        };
    }

    /// <summary>Number of corners of a face type.</summary>
    public static int CornersPerFace(FaceType type) => type is FaceType.Tri3 or FaceType.Tri6 ? 3 : 4;

    /// <summary>Number of nodes of a face type.</summary>
    public static int NodesPerFace(FaceType type) => type switch
    {
        FaceType.Tri3 => 3,
        FaceType.Tri6 => 6,
        FaceType.Quad4 => 4,
        FaceType.Quad8 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown face type"),
    };

    /// <summary>Corner pairs of the edges (2 per edge); for quadratic types edge k carries node CornersPerElement + k.</summary>
    public static ReadOnlySpan<int> EdgeCorners(ElementType type) => Shape(type) switch
    {
        ReferenceShape.Tetrahedron => TetEdges,
        ReferenceShape.Hexahedron => HexEdges,
        _ => WedgeEdges,
    };

    private static void CheckFace(ElementType type, int face)
    {
        var count = FaceCount(type);
        if (face < 1 || face > count)
        {
            throw new ArgumentOutOfRangeException(nameof(face), face, $"{type} ({type.CalculixName()}) elements have faces S1..S{count}");
        }
    }
}
