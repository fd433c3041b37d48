namespace TwinPlatform.Simulation.Meshing;

/// <content>Boundary (skin) extraction for display.</content>
public sealed partial class Mesh
{
    /// <summary>
    /// The boundary triangles of the volume mesh: element faces that belong to exactly one element, as
    /// linear triangles (3 node indices each, outward normal by the right-hand rule). A quadratic face is
    /// split into four linear triangles through its mid-edge nodes.
    /// </summary>
    /// <returns>Flat node-index array, 3 per triangle.</returns>
    public int[] ExtractSkinTriangles()
    {
        // Key: sorted corner triple. Value: element * 4 + face of the first occurrence, or -1 once shared.
        var faces = new Dictionary<(int, int, int), long>(ElementCount * 2);
        foreach (var block in _blocks)
        {
            if (block.Type is not (ElementType.Tet4 or ElementType.Tet10))
            {
                throw new NotSupportedException($"skin extraction for {block.Type} elements is not implemented");
            }

            var corners = TetrahedronTopology.FaceCorners;
            for (var e = 0; e < block.Count; e++)
            {
                var nodes = block.Nodes(e);
                for (var f = 0; f < 4; f++)
                {
                    var key = SortedKey(nodes[corners[3 * f]], nodes[corners[(3 * f) + 1]], nodes[corners[(3 * f) + 2]]);
                    var id = ((long)(block.FirstElement + e) * 4) + f;
                    if (!faces.TryAdd(key, id))
                    {
                        faces[key] = -1;
                    }
                }
            }
        }

        var triangles = new List<int>();
        foreach (var id in faces.Values)
        {
            if (id < 0)
            {
                continue;
            }

            var block = BlockOf((int)(id / 4), out var local);
            var nodes = block.Nodes(local);
            var f = (int)(id % 4);
            if (block.Type == ElementType.Tet4)
            {
                var c = TetrahedronTopology.FaceCorners;
                triangles.Add(nodes[c[3 * f]]);
                triangles.Add(nodes[c[(3 * f) + 1]]);
                triangles.Add(nodes[c[(3 * f) + 2]]);
            }
            else
            {
                var q = TetrahedronTopology.QuadraticFaces;
                var split = TetrahedronTopology.Tri6Split;
                for (var k = 0; k < split.Length; k++)
                {
                    triangles.Add(nodes[q[(6 * f) + split[k]]]);
                }
            }
        }

        return [.. triangles];
    }

    private static (int, int, int) SortedKey(int a, int b, int c)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b > c)
        {
            (b, c) = (c, b);
        }

        if (a > b)
        {
            (a, b) = (b, a);
        }

        return (a, b, c);
    }
}
