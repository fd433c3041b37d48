namespace TwinPlatform.Simulation.Meshing;

/// <content>Boundary (skin) extraction for display.</content>
public sealed partial class Mesh
{
    // A 6-node triangle split into four 3-node triangles with the same orientation.
    private static ReadOnlySpan<int> Tri6Split => [0, 3, 5, 3, 1, 4, 5, 4, 2, 3, 4, 5];

    // An 8-node quadrilateral split into six triangles: four corner triangles and the inner quad of mid-edge nodes.
    private static ReadOnlySpan<int> Quad8Split => [0, 4, 7, 4, 1, 5, 5, 2, 6, 6, 3, 7, 4, 5, 6, 4, 6, 7];

    private static ReadOnlySpan<int> Quad4Split => [0, 1, 2, 0, 2, 3];

    private static ReadOnlySpan<int> Tri3Split => [0, 1, 2];

    /// <summary>
    /// The boundary triangles of the volume mesh: element faces that belong to exactly one element, as
    /// linear triangles (3 node indices each, outward normal by the right-hand rule). A 6-node triangle is
    /// split into four triangles through its mid-edge nodes, a quadrilateral into two (4 nodes) or six (8 nodes).
    /// </summary>
    /// <returns>Flat node-index array, 3 per triangle.</returns>
    public int[] ExtractSkinTriangles()
    {
        var faces = _boundaryFaces ??= BuildBoundaryFaces();
        var triangles = new List<int>();
        foreach (var id in faces.Values)
        {
            if (id < 0)
            {
                continue;
            }

            var block = BlockOf((int)(id >> 3), out var local);
            var nodes = block.Nodes(local);
            var face = (int)(id & 7) + 1;
            var faceNodes = block.Type.FaceNodes(face);
            var split = block.Type.FaceTypeOf(face) switch
            {
                FaceType.Tri3 => Tri3Split,
                FaceType.Tri6 => Tri6Split,
                FaceType.Quad4 => Quad4Split,
                _ => Quad8Split,
            };
            foreach (var k in split)
            {
                triangles.Add(nodes[faceNodes[k]]);
            }
        }

        return [.. triangles];
    }
}
