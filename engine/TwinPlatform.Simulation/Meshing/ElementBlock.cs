namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// Elements of one type stored as one flat connectivity array: element <c>k</c> of the block has nodes
/// <c>Connectivity[k * NodesPerElement .. (k + 1) * NodesPerElement]</c> (dense node indices).
/// </summary>
/// <remarks>
/// Element numbers are global across the blocks of a <see cref="Mesh"/>: element <c>k</c> of this block is
/// element <c>FirstElement + k</c> of the mesh.
/// </remarks>
public sealed class ElementBlock
{
    /// <summary>Creates a block; <paramref name="connectivity"/> is kept, not copied.</summary>
    /// <param name="type">Element type.</param>
    /// <param name="connectivity">Node indices, <see cref="ElementTypeExtensions.NodesPerElement"/> per element.</param>
    public ElementBlock(ElementType type, int[] connectivity)
    {
        ArgumentNullException.ThrowIfNull(connectivity);
        var n = type.NodesPerElement();
        if (connectivity.Length % n != 0)
        {
            throw new ArgumentException($"{type} connectivity length {connectivity.Length} is not a multiple of {n}", nameof(connectivity));
        }

        Type = type;
        NodesPerElement = n;
        Connectivity = connectivity;
        Count = connectivity.Length / n;
    }

    /// <summary>Element type of every element in the block.</summary>
    public ElementType Type { get; }

    /// <summary>Nodes per element.</summary>
    public int NodesPerElement { get; }

    /// <summary>Number of elements.</summary>
    public int Count { get; }

    /// <summary>Flat node-index array, <see cref="NodesPerElement"/> entries per element.</summary>
    public int[] Connectivity { get; }

    /// <summary>Global number of this block's first element (set when the block is added to a mesh).</summary>
    public int FirstElement { get; internal set; }

    /// <summary>Nodes of element <paramref name="local"/> (0-based within the block).</summary>
    public ReadOnlySpan<int> Nodes(int local) => new(Connectivity, local * NodesPerElement, NodesPerElement);
}
