namespace TwinPlatform.Simulation.Meshing;

/// <summary>Local faces and edges of the tetrahedron in the internal (CalculiX/VTK) node order.</summary>
internal static class TetrahedronTopology
{
    /// <summary>
    /// Corner triples of the four faces, ordered so that the right-hand normal points out of a positively
    /// oriented tetrahedron ((x1-x0)x(x2-x0)·(x3-x0) &gt; 0).
    /// </summary>
    public static ReadOnlySpan<int> FaceCorners => [0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2];

    /// <summary>The same faces as 6-node triangles (corners, then mid-edge nodes of edges (0,1), (1,2), (2,0) of the face).</summary>
    public static ReadOnlySpan<int> QuadraticFaces => [0, 2, 1, 6, 5, 4, 0, 1, 3, 4, 8, 7, 1, 2, 3, 5, 9, 8, 0, 3, 2, 7, 9, 6];

    /// <summary>Corner pairs of the six edges; edge k carries mid-edge node 4 + k of a Tet10.</summary>
    public static ReadOnlySpan<int> EdgeCorners => [0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3];

    /// <summary>A 6-node triangle split into four 3-node triangles with the same orientation.</summary>
    public static ReadOnlySpan<int> Tri6Split => [0, 3, 5, 3, 1, 4, 5, 4, 2, 3, 4, 5];
}
