using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// A volume mesh: node coordinates as three arrays (struct of arrays, metres), element blocks by type,
/// and named node, element and boundary-face sets.
/// </summary>
/// <remarks>
/// Nodes are numbered densely 0..<see cref="NodeCount"/>-1; elements are numbered globally across the
/// blocks in the order the blocks were given. The coordinate and connectivity arrays are shared, not copied:
/// do not change them after the mesh is built. Sets may be added after construction; the mesh is not
/// thread-safe while sets are being added.
/// </remarks>
public sealed partial class Mesh
{
    private readonly ElementBlock[] _blocks;
    private readonly Dictionary<string, NodeSet> _nodeSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementSet> _elementSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FaceSet> _faceSets = new(StringComparer.Ordinal);

    /// <summary>Creates a mesh from coordinate arrays (metres) and element blocks.</summary>
    /// <exception cref="ArgumentException">Array lengths differ or a connectivity entry is not a node index.</exception>
    public Mesh(double[] x, double[] y, double[] z, IEnumerable<ElementBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(blocks);
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException($"coordinate arrays differ in length: {x.Length}, {y.Length}, {z.Length}");
        }

        X = x;
        Y = y;
        Z = z;
        _blocks = [.. blocks];
        var first = 0;
        foreach (var block in _blocks)
        {
            CheckNodes(block.Connectivity, $"{block.Type} block");
            block.FirstElement = first;
            first += block.Count;
        }

        ElementCount = first;
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => X.Length;

    /// <summary>Number of volume elements over all blocks.</summary>
    public int ElementCount { get; }

    /// <summary>Node x coordinates, metres.</summary>
    public double[] X { get; }

    /// <summary>Node y coordinates, metres.</summary>
    public double[] Y { get; }

    /// <summary>Node z coordinates, metres.</summary>
    public double[] Z { get; }

    /// <summary>Element blocks in global element order.</summary>
    public IReadOnlyList<ElementBlock> Blocks => _blocks;

    /// <summary>Named node sets.</summary>
    public IReadOnlyDictionary<string, NodeSet> NodeSets => _nodeSets;

    /// <summary>Named element sets.</summary>
    public IReadOnlyDictionary<string, ElementSet> ElementSets => _elementSets;

    /// <summary>Named boundary-face sets (surfaces).</summary>
    public IReadOnlyDictionary<string, FaceSet> FaceSets => _faceSets;

    /// <summary>Position of node <paramref name="node"/>, metres.</summary>
    public Vector3d Node(int node) => new(X[node], Y[node], Z[node]);

    /// <summary>Axis-aligned bounds of all nodes.</summary>
    public BoundingBox Bounds()
    {
        if (NodeCount == 0)
        {
            return default;
        }

        double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue;
        double x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
        for (var i = 0; i < X.Length; i++)
        {
            x0 = Math.Min(x0, X[i]);
            y0 = Math.Min(y0, Y[i]);
            z0 = Math.Min(z0, Z[i]);
            x1 = Math.Max(x1, X[i]);
            y1 = Math.Max(y1, Y[i]);
            z1 = Math.Max(z1, Z[i]);
        }

        return new BoundingBox(new(x0, y0, z0), new(x1, y1, z1));
    }

    /// <summary>The block holding global element <paramref name="element"/> and its index within that block.</summary>
    public ElementBlock BlockOf(int element, out int local)
    {
        if ((uint)element >= (uint)ElementCount)
        {
            throw new ArgumentOutOfRangeException(nameof(element), element, $"the mesh has {ElementCount} elements");
        }

        for (var b = _blocks.Length - 1; b >= 0; b--)
        {
            if (element >= _blocks[b].FirstElement)
            {
                local = element - _blocks[b].FirstElement;
                return _blocks[b];
            }
        }

        throw new InvalidOperationException("unreachable: element not in any block");
    }

    /// <summary>Nodes of global element <paramref name="element"/>.</summary>
    public ReadOnlySpan<int> ElementNodes(int element) => BlockOf(element, out var local).Nodes(local);

    /// <summary>Adds (or replaces) a node set.</summary>
    public void AddNodeSet(NodeSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        CheckNodes(set.Nodes, $"node set '{set.Name}'");
        _nodeSets[set.Name] = set;
    }

    /// <summary>Adds (or replaces) an element set.</summary>
    public void AddElementSet(ElementSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        foreach (var e in set.Elements)
        {
            if ((uint)e >= (uint)ElementCount)
            {
                throw new ArgumentException($"element set '{set.Name}' refers to element {e}; the mesh has {ElementCount}");
            }
        }

        _elementSets[set.Name] = set;
    }

    /// <summary>Adds (or replaces) a boundary-face set.</summary>
    public void AddFaceSet(FaceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        CheckNodes(set.Connectivity, $"face set '{set.Name}'");
        _faceSets[set.Name] = set;
    }

    /// <summary>
    /// Nodes of the set called <paramref name="name"/>: a node set, else the nodes of a face set, else the
    /// nodes of an element set.
    /// </summary>
    /// <exception cref="ArgumentException">No set has that name; the message lists the known names.</exception>
    public int[] NodesOf(string name)
    {
        if (_nodeSets.TryGetValue(name, out var ns))
        {
            return ns.Nodes;
        }

        if (_faceSets.TryGetValue(name, out var fs))
        {
            return NodeSet.SortedUnique(fs.Connectivity);
        }

        if (_elementSets.TryGetValue(name, out var es))
        {
            var nodes = new List<int>();
            foreach (var e in es.Elements)
            {
                foreach (var n in ElementNodes(e))
                {
                    nodes.Add(n);
                }
            }

            return NodeSet.SortedUnique(nodes);
        }

        throw new ArgumentException($"the mesh has no set named '{name}'; known sets: {KnownSetNames()}", nameof(name));
    }

    /// <summary>Comma-separated names of all sets, for error messages.</summary>
    internal string KnownSetNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(_nodeSets.Keys);
        names.UnionWith(_faceSets.Keys);
        names.UnionWith(_elementSets.Keys);
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }

    private void CheckNodes(int[] nodes, string what)
    {
        var n = (uint)NodeCount;
        for (var i = 0; i < nodes.Length; i++)
        {
            if ((uint)nodes[i] >= n)
            {
                throw new ArgumentException($"{what} refers to node {nodes[i]} at position {i}; the mesh has {NodeCount} nodes");
            }
        }
    }
}
