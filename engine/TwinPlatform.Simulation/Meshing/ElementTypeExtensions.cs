namespace TwinPlatform.Simulation.Meshing;

/// <summary>Topological facts about <see cref="ElementType"/> values.</summary>
public static class ElementTypeExtensions
{
    /// <summary>Number of nodes of one element of this type.</summary>
    public static int NodesPerElement(this ElementType type) => type switch
    {
        ElementType.Tet4 => 4,
        ElementType.Tet10 => 10,
        ElementType.Hex8 => 8,
        ElementType.Hex20 => 20,
        ElementType.Wedge6 => 6,
        ElementType.Wedge15 => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Number of corner (vertex) nodes; the corners come first in every element's node list.</summary>
    public static int CornersPerElement(this ElementType type) => type switch
    {
        ElementType.Tet4 or ElementType.Tet10 => 4,
        ElementType.Hex8 or ElementType.Hex20 => 8,
        ElementType.Wedge6 or ElementType.Wedge15 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };
}
