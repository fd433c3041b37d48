namespace TwinPlatform.Simulation.Meshing;

/// <content>Face sets built from element faces, and the element face behind each face of a set.</content>
public sealed partial class Mesh
{
    private Dictionary<FaceKey, long>? _boundaryFaces;

    /// <summary>
    /// Adds (or replaces) face set <paramref name="name"/> made of the given element faces (CalculiX
    /// <c>*SURFACE, TYPE=ELEMENT</c> semantics). Each face gets the topology of its element's face (Tri3, Tri6,
    /// Quad4 or Quad8) and its nodes in the outward order, so pressure, flux and film loads know the outward
    /// normal.
    /// </summary>
    /// <param name="name">Set name.</param>
    /// <param name="faces">Element faces; the face number is 1-based (S1..S6).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">An element number or face number does not exist; the message names it.</exception>
    public FaceSet AddElementFaceSet(string name, IEnumerable<ElementFace> faces)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(faces);
        var list = new List<ElementFace>(faces);
        var types = new FaceType[list.Count];
        var connectivity = new List<int>(list.Count * 8);
        for (var f = 0; f < list.Count; f++)
        {
            var (element, face) = list[f];
            if ((uint)element >= (uint)ElementCount)
            {
                throw new ArgumentException($"face set '{name}': element {element} does not exist; the mesh has {ElementCount} elements (numbered from 0)", nameof(faces));
            }

            var block = BlockOf(element, out var local);
            if (face < 1 || face > block.Type.FaceCount())
            {
                throw new ArgumentException($"face set '{name}': element {element} is a {block.Type.CalculixName()}, which has faces S1..S{block.Type.FaceCount()}, not S{face}", nameof(faces));
            }

            types[f] = block.Type.FaceTypeOf(face);
            var nodes = block.Nodes(local);
            foreach (var a in block.Type.FaceNodes(face))
            {
                connectivity.Add(nodes[a]);
            }
        }

        var set = new FaceSet(name, types, [.. connectivity], [.. list]);
        _faceSets[name] = set;
        return set;
    }

    /// <summary>
    /// The element face behind every face of <paramref name="set"/>: stored for sets built from element faces,
    /// otherwise found by matching the face corners against the boundary faces of the elements.
    /// </summary>
    /// <exception cref="ModelException">A face is not the boundary face of exactly one element.</exception>
    internal IReadOnlyList<ElementFace> ElementFacesOf(FaceSet set)
    {
        if (set.ElementFaces is { } known)
        {
            return known;
        }

        var lookup = _boundaryFaces ??= BuildBoundaryFaces();
        var result = new ElementFace[set.Count];
        for (var f = 0; f < set.Count; f++)
        {
            var nodes = set.Nodes(f);
            var corners = ElementTopology.CornersPerFace(set.TypeOf(f));
            var key = FaceKey.Of(nodes[..corners]);
            if (!lookup.TryGetValue(key, out var id) || id < 0)
            {
                throw new ModelException(
                    $"face {f} of surface '{set.Name}' (nodes {string.Join(", ", nodes.ToArray())}) is {(id < 0 ? "shared by two elements" : "not a face of any element")}; " +
                    "surface loads need boundary faces");
            }

            result[f] = new ElementFace((int)(id >> 3), (int)(id & 7) + 1);
        }

        return result;
    }

    /// <summary>Every element face keyed by its sorted corners: element * 8 + (face - 1), or -1 for faces two elements share.</summary>
    private Dictionary<FaceKey, long> BuildBoundaryFaces()
    {
        var faces = new Dictionary<FaceKey, long>(ElementCount * 2);
        Span<int> corners = stackalloc int[4];
        foreach (var block in _blocks)
        {
            var type = block.Type;
            var faceCount = type.FaceCount();
            for (var e = 0; e < block.Count; e++)
            {
                var nodes = block.Nodes(e);
                for (var f = 1; f <= faceCount; f++)
                {
                    var local = type.FaceNodes(f);
                    var c = ElementTopology.CornersPerFace(type.FaceTypeOf(f));
                    for (var k = 0; k < c; k++)
                    {
                        corners[k] = nodes[local[k]];
                    }

                    var key = FaceKey.Of(corners[..c]);
                    var id = ((long)(block.FirstElement + e) << 3) | (long)(f - 1);
                    if (!faces.TryAdd(key, id))
                    {
                        faces[key] = -1;
                    }
                }
            }
        }

        return faces;
    }
}
