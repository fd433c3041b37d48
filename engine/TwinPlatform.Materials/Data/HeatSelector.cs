using System.Globalization;

namespace TwinPlatform.Materials.Data;

/// <summary>
/// Selects the rows of one heat by some of its feature values, written as
/// <c>C=0.41,Si=0.24,Mn=0.77,Cr=1.06,Mo=0.2</c> (feature names or source column names).
/// </summary>
public sealed class HeatSelector
{
    private const double Tolerance = 1e-9;
    private readonly (int Feature, double Value)[] _conditions;

    private HeatSelector(string text, (int Feature, double Value)[] conditions)
    {
        Text = text;
        _conditions = conditions;
    }

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>Parses a selector against the features of a data set.</summary>
    /// <exception cref="FormatException">Malformed text or an unknown feature name.</exception>
    public static HeatSelector Parse(string text, MaterialDataset data)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(data);
        var conditions = new List<(int, double)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"'{part}' is not 'name=value' (selector '{text}')");
            }

            var name = part[..eq].Trim();
            var feature = -1;
            for (var i = 0; i < data.Features.Count; i++)
            {
                if (data.Features[i].Name == name || data.Features[i].SourceColumn == name)
                {
                    feature = i;
                    break;
                }
            }

            if (feature < 0)
            {
                throw new FormatException($"'{name}' is not a feature of the data set (selector '{text}')");
            }

            conditions.Add((feature, value));
        }

        return conditions.Count == 0
            ? throw new FormatException("an empty heat selector selects nothing")
            : new HeatSelector(text, [.. conditions]);
    }

    /// <summary>True if a feature vector meets every condition.</summary>
    public bool Matches(ReadOnlySpan<double> features)
    {
        foreach (var (f, v) in _conditions)
        {
            if (Math.Abs(features[f] - v) > Tolerance * Math.Max(1.0, Math.Abs(v)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rows matched, widened to whole groups: every row of a group with at least one match is
    /// selected, so that no near-duplicate of a held-out row stays behind.
    /// </summary>
    public IReadOnlyList<int> SelectRows(MaterialDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = new HashSet<int>();
        for (var i = 0; i < data.RowCount; i++)
        {
            if (Matches(data.Rows[i]))
            {
                groups.Add(data.Groups[i]);
            }
        }

        var rows = new List<int>();
        for (var i = 0; i < data.RowCount; i++)
        {
            if (groups.Contains(data.Groups[i]))
            {
                rows.Add(i);
            }
        }

        return rows;
    }
}
