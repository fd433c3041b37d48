using System.Globalization;
using System.Text;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Which records and which property values make up a training set: the target property, the
/// provenance kinds admitted (experimental only by default: computed and experimental values are
/// never mixed silently), condition filters, and the grouping that cross-validation respects.
/// </summary>
public sealed record RecordSelection
{
    /// <summary>The target property name (<c>yield_strength</c>).</summary>
    public required string Property { get; init; }

    /// <summary>Provenance kinds admitted (of the property, or else of its record).</summary>
    public IReadOnlySet<ProvenanceKind> Kinds { get; init; } = new HashSet<ProvenanceKind> { ProvenanceKind.Experiment };

    /// <summary>Condition filters; all must pass.</summary>
    public IReadOnlyList<ConditionFilter> Where { get; init; } = [];

    /// <summary>Grouping for cross-validation.</summary>
    public RecordGrouping Grouping { get; init; } = RecordGrouping.Composition;

    /// <summary>The unit the targets are expressed in (default: the unit the data gave, else SI).</summary>
    public string? Unit { get; init; }

    /// <summary>Builds the sample set from records.</summary>
    /// <exception cref="InvalidOperationException">No record has the property with an admitted kind.</exception>
    public SampleSet Select(IReadOnlyList<MaterialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var samples = new List<RecordSample>();
        var otherKind = 0;
        var filtered = 0;
        string? unitText = Unit;
        Dimension? dimension = null;
        foreach (var r in records)
        {
            foreach (var p in r.Properties)
            {
                if (p.Name != Property)
                {
                    continue;
                }

                if (!Kinds.Contains(r.ProvenanceOf(p).Kind))
                {
                    otherKind++;
                    continue;
                }

                if (!Where.All(w => w.Accepts(p)))
                {
                    filtered++;
                    continue;
                }

                unitText ??= p.SourceUnit ?? Storage.Records.DimensionCodec.SiSymbol(p.Value.Dimension);
                dimension ??= p.Value.Dimension;
                if (p.Value.Dimension != dimension)
                {
                    throw new InvalidOperationException($"'{Property}' has values of dimension {p.Value.Dimension} and {dimension}; they cannot be one target");
                }

                samples.Add(new RecordSample(r, p, 0, GroupKey(r)));
            }
        }

        if (samples.Count == 0)
        {
            throw new InvalidOperationException(
                $"no record has '{Property}' with provenance {string.Join("/", Kinds.Select(MaterialRecordJson.KindText))}" +
                (Where.Count > 0 ? $" passing {string.Join(", ", Where)}" : string.Empty) +
                $" ({otherKind} values of other kinds, {filtered} filtered out)");
        }

        var unit = Core.Units.Unit.Parse(unitText!);
        for (var i = 0; i < samples.Count; i++)
        {
            samples[i] = samples[i] with { Target = samples[i].Property.Value.In(unit) };
        }

        return new SampleSet(this, samples, unit, otherKind, filtered);
    }

    private string GroupKey(MaterialRecord r)
    {
        if (Grouping == RecordGrouping.Row)
        {
            return r.Id + "#" + r.Origin?.Line.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        foreach (var c in r.Composition.Constituents.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (c.Fraction > 0)
            {
                sb.Append(c.Name).Append(c.Fraction.ToString("G4", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        if (Grouping == RecordGrouping.Material)
        {
            foreach (var s in r.Process)
            {
                sb.Append('|').Append(s.Name);
                foreach (var v in s.SetPoints)
                {
                    sb.Append(' ').Append(v);
                }
            }

            foreach (var a in r.Attributes)
            {
                sb.Append('|').Append(a);
            }
        }

        return sb.ToString();
    }
}
