namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// A named boundary surface: faces of one or several <see cref="FaceType"/>s in one flat node array. Built
/// from element faces (<see cref="Mesh.AddElementFaceSet"/>) it remembers them and lists each face's nodes in
/// the outward order; built from a mesh file (gmsh) the orientation is the file's and the element faces are
/// found when a load needs the outward normal.
/// </summary>
public sealed class FaceSet
{
    private readonly FaceType[]? _types;
    private readonly int[]? _offsets;
    private readonly ElementFace[]? _elementFaces;

    /// <summary>Creates a set of faces of one type; <paramref name="connectivity"/> is kept, not copied.</summary>
    public FaceSet(string name, FaceType type, int[] connectivity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(connectivity);
        var n = ElementTopology.NodesPerFace(type);
        if (connectivity.Length % n != 0)
        {
            throw new ArgumentException($"{type} face connectivity length {connectivity.Length} is not a multiple of {n}", nameof(connectivity));
        }

        Name = name;
        Type = type;
        NodesPerFace = n;
        Connectivity = connectivity;
        Count = connectivity.Length / n;
    }

    /// <summary>
    /// Creates a set whose faces may differ in type (for example the triangles and quadrilaterals of wedges);
    /// the arrays are kept, not copied.
    /// </summary>
    /// <param name="name">Set name.</param>
    /// <param name="types">Type of each face.</param>
    /// <param name="connectivity">Nodes of all faces, one after another.</param>
    /// <param name="elementFaces">The element face each face is, or null if unknown.</param>
    public FaceSet(string name, FaceType[] types, int[] connectivity, ElementFace[]? elementFaces = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(connectivity);
        if (elementFaces is not null && elementFaces.Length != types.Length)
        {
            throw new ArgumentException($"{elementFaces.Length} element faces for {types.Length} faces", nameof(elementFaces));
        }

        var offsets = new int[types.Length + 1];
        var uniform = true;
        for (var f = 0; f < types.Length; f++)
        {
            offsets[f + 1] = offsets[f] + ElementTopology.NodesPerFace(types[f]);
            uniform &= types[f] == types[0];
        }

        if (offsets[^1] != connectivity.Length)
        {
            throw new ArgumentException($"the face types need {offsets[^1]} nodes, the connectivity has {connectivity.Length}", nameof(connectivity));
        }

        Name = name;
        Connectivity = connectivity;
        Count = types.Length;
        _elementFaces = elementFaces;
        if (uniform)
        {
            Type = types.Length > 0 ? types[0] : FaceType.Tri3;
            NodesPerFace = ElementTopology.NodesPerFace(Type);
        }
        else
        {
            _types = types;
            _offsets = offsets;
            NodesPerFace = -1;
        }
    }

    /// <summary>Set name.</summary>
    public string Name { get; }

    /// <summary>True if every face has the same type (<see cref="Type"/>).</summary>
    public bool IsUniform => _types is null;

    /// <summary>Face topology of every face of a uniform set (of the first face otherwise; use <see cref="TypeOf"/>).</summary>
    public FaceType Type { get; }

    /// <summary>Nodes per face of a uniform set; -1 for a mixed set.</summary>
    public int NodesPerFace { get; }

    /// <summary>Number of faces.</summary>
    public int Count { get; }

    /// <summary>Flat node-index array.</summary>
    public int[] Connectivity { get; }

    /// <summary>The element faces the faces are, in order, or null if the set came from a mesh file.</summary>
    public IReadOnlyList<ElementFace>? ElementFaces => _elementFaces;

    /// <summary>Type of face <paramref name="face"/>.</summary>
    public FaceType TypeOf(int face) => _types is null ? Type : _types[face];

    /// <summary>Nodes of face <paramref name="face"/>.</summary>
    public ReadOnlySpan<int> Nodes(int face) => _offsets is null
        ? new(Connectivity, face * NodesPerFace, NodesPerFace)
        : new(Connectivity, _offsets[face], _offsets[face + 1] - _offsets[face]);
}
