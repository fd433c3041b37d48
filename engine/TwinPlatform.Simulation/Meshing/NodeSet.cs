namespace TwinPlatform.Simulation.Meshing;

/// <summary>A named set of nodes (sorted, unique dense node indices).</summary>
public sealed class NodeSet
{
    /// <summary>Creates the set; the indices are sorted and de-duplicated into a new array.</summary>
    public NodeSet(string name, IEnumerable<int> nodes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(nodes);
        Name = name;
        Nodes = SortedUnique(nodes);
    }

    /// <summary>Set name.</summary>
    public string Name { get; }

    /// <summary>Sorted unique node indices.</summary>
    public int[] Nodes { get; }

    internal static int[] SortedUnique(IEnumerable<int> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        var n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (n == 0 || a[i] != a[n - 1])
            {
                a[n++] = a[i];
            }
        }

        return n == a.Length ? a : a[..n];
    }
}
