using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// The engine <see cref="Mesh"/> of a deck, with the maps between deck numbers and the mesh's dense indices.
/// </summary>
/// <remarks>
/// Nodes keep the deck's definition order (mesh node i is deck node <c>NodeIds[i]</c>). Elements are grouped in
/// one block per type, in <see cref="ElementType"/> order, keeping deck order within a type. Node orders are
/// CalculiX's, which are the engine's. Element and node sets are added under their deck names (first spelling).
/// Coordinates are the deck's, unscaled: the mesh is in deck length units.
/// </remarks>
public sealed class DeckMesh
{
    private readonly Dictionary<int, int> _elementIndex;

    private DeckMesh(Mesh mesh, int[] nodeIds, int[] elementIds, Dictionary<int, int> elementIndex)
    {
        Mesh = mesh;
        NodeIds = nodeIds;
        ElementIds = elementIds;
        _elementIndex = elementIndex;
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>Deck node number of each mesh node.</summary>
    public int[] NodeIds { get; }

    /// <summary>Deck element number of each mesh element (global mesh numbering).</summary>
    public int[] ElementIds { get; }

    /// <summary>Mesh element index of deck element <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such element.</exception>
    public int ElementIndex(int id) => _elementIndex[id];

    /// <summary>The engine element type of a deck element type.</summary>
    public static ElementType EngineType(DeckElementType type) => type switch
    {
        DeckElementType.C3D4 => ElementType.Tet4,
        DeckElementType.C3D10 => ElementType.Tet10,
        DeckElementType.C3D8 => ElementType.Hex8,
        DeckElementType.C3D20 => ElementType.Hex20,
        DeckElementType.C3D20R => ElementType.Hex20Reduced,
        DeckElementType.C3D6 => ElementType.Wedge6,
        DeckElementType.C3D15 => ElementType.Wedge15,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Builds the mesh of <paramref name="deck"/>.</summary>
    public static DeckMesh Build(InpDeck deck)
    {
        ArgumentNullException.ThrowIfNull(deck);
        var byType = new SortedDictionary<ElementType, List<DeckElement>>();
        foreach (var e in deck.Elements)
        {
            var type = EngineType(e.Type);
            if (!byType.TryGetValue(type, out var list))
            {
                list = [];
                byType[type] = list;
            }

            list.Add(e);
        }

        var blocks = new List<ElementBlock>();
        var elementIds = new int[deck.Elements.Count];
        var elementIndex = new Dictionary<int, int>(deck.Elements.Count);
        var next = 0;
        foreach (var (type, list) in byType)
        {
            var n = type.NodesPerElement();
            var connectivity = new int[n * list.Count];
            for (var k = 0; k < list.Count; k++)
            {
                var e = list[k];
                for (var a = 0; a < n; a++)
                {
                    connectivity[(k * n) + a] = deck.NodeIndex(e.Nodes[a]);
                }

                elementIds[next] = e.Id;
                elementIndex[e.Id] = next++;
            }

            blocks.Add(new ElementBlock(type, connectivity));
        }

        var mesh = new Mesh((double[])deck.X.Clone(), (double[])deck.Y.Clone(), (double[])deck.Z.Clone(), blocks);
        foreach (var set in deck.NodeSets.Values)
        {
            var nodes = new int[set.Ids.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = deck.NodeIndex(set.Ids[i]);
            }

            mesh.AddNodeSet(new NodeSet(set.Name, nodes));
        }

        foreach (var set in deck.ElementSets.Values)
        {
            var elements = new int[set.Ids.Length];
            for (var i = 0; i < elements.Length; i++)
            {
                elements[i] = elementIndex[set.Ids[i]];
            }

            mesh.AddElementSet(new ElementSet(set.Name, elements));
        }

        return new DeckMesh(mesh, (int[])deck.NodeIds.Clone(), elementIds, elementIndex);
    }
}
