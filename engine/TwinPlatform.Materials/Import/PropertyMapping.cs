using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Materials.Import;

/// <summary>One property of a mapping: name, value column and unit, specimen, method, conditions, statistics and provenance.</summary>
public sealed record PropertyMapping
{
    /// <summary>Property name in the record.</summary>
    public required string Name { get; init; }

    /// <summary>The value; a row where it is missing simply lacks the property.</summary>
    public required ValueSource Value { get; init; }

    /// <summary>Specimen description, or null.</summary>
    public ValueSource? Specimen { get; init; }

    /// <summary>Test method, or null.</summary>
    public ValueSource? Method { get; init; }

    /// <summary>Test conditions.</summary>
    public required IReadOnlyList<NamedValueMapping> Conditions { get; init; }

    /// <summary>Standard deviation (in the value's unit unless it names its own), or null.</summary>
    public ValueSource? StandardDeviation { get; init; }

    /// <summary>Number of tests, or null.</summary>
    public ValueSource? Count { get; init; }

    /// <summary>This property's provenance when it differs from the record's (computed values in an experimental table).</summary>
    public ProvenanceMapping? Provenance { get; init; }

    /// <summary>Where it is written.</summary>
    public required YamlField Field { get; init; }

    internal static PropertyMapping Read(YamlField field, ProvenanceMapping recordProvenance)
    {
        var m = field.AsMapping().Only("name", "column", "value", "unit", "specimen", "method", "conditions", "sd", "count", "provenance");
        ValueSource value;
        if (m.Has("column"))
        {
            // {name, column, unit} in one mapping: read the value source from the same mapping's keys.
            var keys = new List<YamlEntry>();
            var node = (YamlMapping)field.Node;
            foreach (var e in node.Entries)
            {
                if (e.Key is "column" or "unit")
                {
                    keys.Add(e);
                }
            }

            value = ValueSource.Read(new YamlField(field.File, field.Path, new YamlMapping(keys, node.Line, node.Column)), text: false);
        }
        else if (m.Optional("value") is { } v)
        {
            value = ValueSource.Read(v, text: false);
        }
        else
        {
            throw field.Error("give 'column' (with 'unit') or 'value'");
        }

        ValueSource? Opt(string key, bool text) => m.Optional(key) is { } f ? ValueSource.Read(f, text) : null;
        return new PropertyMapping
        {
            Name = m.String("name"),
            Value = value,
            Specimen = Opt("specimen", text: true),
            Method = Opt("method", text: true),
            Conditions = NamedValueMapping.ReadAll(m.Optional("conditions")),
            StandardDeviation = Opt("sd", text: false),
            Count = Opt("count", text: false),
            Provenance = m.Optional("provenance") is { } p ? ProvenanceMapping.Read(p, recordProvenance) : null,
            Field = field,
        };
    }
}
