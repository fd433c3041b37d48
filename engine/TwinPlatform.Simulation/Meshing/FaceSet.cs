namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// A named boundary surface: triangles (3 or 6 nodes) in one flat array, <see cref="NodesPerFace"/> node
/// indices per face. The face orientation is as given by the mesh source (gmsh: the surface normal).
/// </summary>
public sealed class FaceSet
{
    /// <summary>Creates the set; <paramref name="connectivity"/> is kept, not copied.</summary>
    public FaceSet(string name, FaceType type, int[] connectivity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(connectivity);
        var n = type == FaceType.Tri3 ? 3 : 6;
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

    /// <summary>Set name.</summary>
    public string Name { get; }

    /// <summary>Face topology.</summary>
    public FaceType Type { get; }

    /// <summary>3 (Tri3) or 6 (Tri6).</summary>
    public int NodesPerFace { get; }

    /// <summary>Number of faces.</summary>
    public int Count { get; }

    /// <summary>Flat node-index array.</summary>
    public int[] Connectivity { get; }

    /// <summary>Nodes of face <paramref name="face"/>.</summary>
    public ReadOnlySpan<int> Nodes(int face) => new(Connectivity, face * NodesPerFace, NodesPerFace);
}
