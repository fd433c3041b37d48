namespace TwinPlatform.Simulation.Meshing;

/// <summary>A named set of volume elements (sorted, unique global element numbers).</summary>
public sealed class ElementSet
{
    /// <summary>Creates the set; the numbers are sorted and de-duplicated into a new array.</summary>
    public ElementSet(string name, IEnumerable<int> elements)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(elements);
        Name = name;
        Elements = NodeSet.SortedUnique(elements);
    }

    /// <summary>Set name.</summary>
    public string Name { get; }

    /// <summary>Sorted unique global element numbers.</summary>
    public int[] Elements { get; }
}
