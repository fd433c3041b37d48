using TwinPlatform.Core.Units;

namespace TwinPlatform.Materials.Prediction;

/// <summary>The rows a <see cref="RecordSelection"/> picked from records, with their target unit.</summary>
/// <param name="Selection">The selection that made it.</param>
/// <param name="Samples">The rows.</param>
/// <param name="Unit">Unit of every <see cref="RecordSample.Target"/>.</param>
/// <param name="OtherKind">Values of the property left out for their provenance kind (computed when experimental was asked for).</param>
/// <param name="FilteredOut">Values left out by the condition filters.</param>
public sealed record SampleSet(RecordSelection Selection, IReadOnlyList<RecordSample> Samples, Unit Unit, int OtherKind, int FilteredOut)
{
    /// <summary>Number of distinct groups.</summary>
    public int GroupCount => Samples.Select(s => s.Group).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The group of every row as a number (in order of first appearance).</summary>
    public int[] GroupNumbers()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[Samples.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!map.TryGetValue(Samples[i].Group, out var g))
            {
                g = map.Count;
                map[Samples[i].Group] = g;
            }

            result[i] = g;
        }

        return result;
    }

    /// <summary>A subset of the rows.</summary>
    public SampleSet Subset(IEnumerable<int> rows) => this with { Samples = [.. rows.Select(i => Samples[i])] };
}
