using TwinPlatform.Materials.Features;

namespace TwinPlatform.Materials.Data;

/// <summary>
/// A training table in memory: one feature vector per row, target values per property, and a group
/// per row (the heat) so that near-duplicate rows are never split between training and test.
/// </summary>
/// <remarks>Immutable. Feature and target values are in the units of their descriptions, not SI.</remarks>
public sealed class MaterialDataset
{
    private readonly double[][] _rows;
    private readonly Dictionary<string, double[]> _targets;
    private readonly int[] _groups;
    private readonly string[] _groupKeys;
    private readonly int[] _lines;

    /// <summary>Creates a data set; groups are numbered in order of first appearance of their key.</summary>
    /// <param name="source">The file the rows came from, as the user named it.</param>
    /// <param name="features">Feature descriptions, in column order of <paramref name="rows"/>.</param>
    /// <param name="properties">Target properties.</param>
    /// <param name="rows">Feature vectors, one per row.</param>
    /// <param name="targets">Target values per property name, one per row.</param>
    /// <param name="rowGroupKeys">Group key (heat) of each row.</param>
    /// <param name="lines">Source line of each row, for messages.</param>
    public MaterialDataset(
        string source,
        IReadOnlyList<FeatureDescription> features,
        IReadOnlyList<PropertyDescription> properties,
        IReadOnlyList<double[]> rows,
        IReadOnlyDictionary<string, double[]> targets,
        IReadOnlyList<string> rowGroupKeys,
        IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(rowGroupKeys);
        ArgumentNullException.ThrowIfNull(lines);
        if (rowGroupKeys.Count != rows.Count || lines.Count != rows.Count)
        {
            throw new ArgumentException("every row needs a group key and a line");
        }

        Source = source;
        Features = [.. features];
        Properties = [.. properties];
        _rows = new double[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != features.Count)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} features, expected {features.Count}", nameof(rows));
            }

            _rows[i] = (double[])rows[i].Clone();
        }

        _targets = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            var values = targets.TryGetValue(p.Name, out var v) ? v : throw new ArgumentException($"no target values for '{p.Name}'", nameof(targets));
            if (values.Length != rows.Count)
            {
                throw new ArgumentException($"'{p.Name}' has {values.Length} values for {rows.Count} rows", nameof(targets));
            }

            _targets[p.Name] = (double[])values.Clone();
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        _groups = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (!index.TryGetValue(rowGroupKeys[i], out var g))
            {
                g = keys.Count;
                index[rowGroupKeys[i]] = g;
                keys.Add(rowGroupKeys[i]);
            }

            _groups[i] = g;
        }

        _groupKeys = [.. keys];
        _lines = [.. lines];
    }

    /// <summary>The file the rows came from.</summary>
    public string Source { get; }

    /// <summary>The features, in column order.</summary>
    public IReadOnlyList<FeatureDescription> Features { get; }

    /// <summary>The target properties.</summary>
    public IReadOnlyList<PropertyDescription> Properties { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _rows.Length;

    /// <summary>Number of distinct groups (heats).</summary>
    public int GroupCount => _groupKeys.Length;

    /// <summary>The feature vectors (do not modify).</summary>
    public IReadOnlyList<double[]> Rows => _rows;

    /// <summary>The group (0 .. <see cref="GroupCount"/>-1) of each row.</summary>
    public IReadOnlyList<int> Groups => _groups;

    /// <summary>The values of a target property, one per row (a copy).</summary>
    /// <exception cref="KeyNotFoundException">No such property in this data set.</exception>
    public double[] Target(string property) => _targets.TryGetValue(property, out var v)
        ? (double[])v.Clone()
        : throw new KeyNotFoundException($"the data set has no property '{property}' (it has: {string.Join(", ", _targets.Keys)})");

    /// <summary>The description of a target property.</summary>
    public PropertyDescription Property(string name) =>
        Properties.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"the data set has no property '{name}'");

    /// <summary>The key of a group (its shared feature values).</summary>
    public string GroupKey(int group) => _groupKeys[group];

    /// <summary>Source line of a row.</summary>
    public int Line(int row) => _lines[row];

    /// <summary>A data set of the given rows, in the given order; groups are renumbered.</summary>
    public MaterialDataset Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var features = new double[rows.Count][];
        var keys = new string[rows.Count];
        var lines = new int[rows.Count];
        var targets = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var p in Properties)
        {
            targets[p.Name] = new double[rows.Count];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            features[i] = _rows[r];
            keys[i] = _groupKeys[_groups[r]];
            lines[i] = _lines[r];
            foreach (var p in Properties)
            {
                targets[p.Name][i] = _targets[p.Name][r];
            }
        }

        return new MaterialDataset(Source, Features, Properties, features, targets, keys, lines);
    }
}
