using TwinPlatform.Core;
using TwinPlatform.Core.Yaml;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// A mapping file (<c>schema: twinplatform.mapping</c>): how the columns of one data file become
/// material records — raw material, composition, process, attributes, properties with units and
/// conditions, provenance and access level. Read with Core's YAML reader, so that a mistake is
/// reported with the mapping file, line, column and field.
/// </summary>
/// <remarks>See <c>models/mappings/*.yaml</c> and docs/materials.md for the format.</remarks>
public sealed record RecordMapping
{
    /// <summary>The schema name every mapping declares.</summary>
    public const string SchemaName = "twinplatform.mapping";

    /// <summary>The mapping file as the user named it.</summary>
    public required string File { get; init; }

    /// <summary>Name of the mapping (and of the data set).</summary>
    public required string Name { get; init; }

    /// <summary>The data file layout.</summary>
    public required TabularFormat Format { get; init; }

    /// <summary>Access level of every record.</summary>
    public required AccessLevel Access { get; init; }

    /// <summary>Cell texts that mean "no value" (besides an empty cell).</summary>
    public required IReadOnlySet<string> Missing { get; init; }

    /// <summary>Record provenance.</summary>
    public required ProvenanceMapping Provenance { get; init; }

    /// <summary>Raw-material name.</summary>
    public required ValueSource RawName { get; init; }

    /// <summary>Raw-material class, or null.</summary>
    public ValueSource? RawClass { get; init; }

    /// <summary>Supplier, or null.</summary>
    public ValueSource? Supplier { get; init; }

    /// <summary>Nominal formula text, or null.</summary>
    public ValueSource? Formula { get; init; }

    /// <summary>The composition, or null when the data have none.</summary>
    public CompositionMapping? Composition { get; init; }

    /// <summary>Process steps in order.</summary>
    public required IReadOnlyList<ProcessStepMapping> Process { get; init; }

    /// <summary>Characterisation attributes.</summary>
    public required IReadOnlyList<NamedValueMapping> Attributes { get; init; }

    /// <summary>Properties.</summary>
    public required IReadOnlyList<PropertyMapping> Properties { get; init; }

    /// <summary>Reads a mapping file.</summary>
    /// <exception cref="InputFileException">Missing file, malformed YAML or an invalid field; names file, line, column and field.</exception>
    public static RecordMapping Load(string path, string? displayName = null) => Read(YamlFile.Load(path, displayName));

    /// <summary>Reads a mapping from YAML text (for tests and tools).</summary>
    /// <exception cref="InputFileException">Malformed YAML or an invalid field.</exception>
    public static RecordMapping Parse(string text, string displayName) => Read(YamlFile.Parse(text, displayName));

    private static RecordMapping Read(YamlField root)
    {
        var m = root.AsMapping().Only("schema", "version", "name", "description", "format", "access", "missing", "provenance",
            "raw_material", "composition", "process", "attributes", "properties");
        var schema = m.Required("schema");
        if (schema.AsString() != SchemaName)
        {
            throw schema.Error($"expected '{SchemaName}'");
        }

        var version = m.Required("version");
        if (version.AsInt() != 1)
        {
            throw version.Error("this build reads mapping version 1");
        }

        var format = m.Required("format").AsChoice("csv", "json-columns", "json-records") switch
        {
            "csv" => TabularFormat.Csv,
            "json-columns" => TabularFormat.JsonColumns,
            _ => TabularFormat.JsonRecords,
        };
        var missing = new HashSet<string>(StringComparer.Ordinal) { "NA", "NaN", "nan", "N/A", "n/a", "null", "None" };
        if (m.Optional("missing") is { } mf)
        {
            missing.Clear();
            foreach (var item in mf.AsList())
            {
                missing.Add(item.AsString());
            }
        }

        var provenance = ProvenanceMapping.Read(m.Required("provenance"), null);
        if (provenance.Source is null)
        {
            throw m.Required("provenance").Error("provenance needs a 'source' (a DOI, citation or file)");
        }

        if (provenance.Date is null)
        {
            throw m.Required("provenance").Error("provenance needs a 'date' (YYYY-MM-DD, or a column with a year or date)");
        }

        var raw = m.Required("raw_material").AsMapping().Only("name", "class", "supplier", "formula");
        ValueSource? Opt(YamlFieldMapping map, string key) => map.Optional(key) is { } f ? ValueSource.Read(f, text: true) : null;
        var process = new List<ProcessStepMapping>();
        if (m.Optional("process") is { } pf)
        {
            foreach (var step in pf.AsList())
            {
                process.Add(ProcessStepMapping.Read(step));
            }
        }

        var properties = new List<PropertyMapping>();
        foreach (var p in m.Required("properties").AsList())
        {
            properties.Add(PropertyMapping.Read(p, provenance));
        }

        return new RecordMapping
        {
            File = root.File,
            Name = m.String("name"),
            Format = format,
            Access = m.Optional("access")?.AsEnum<AccessLevel>() ?? AccessLevel.Public,
            Missing = missing,
            Provenance = provenance,
            RawName = ValueSource.Read(raw.Required("name"), text: true, required: true),
            RawClass = Opt(raw, "class"),
            Supplier = Opt(raw, "supplier"),
            Formula = Opt(raw, "formula"),
            Composition = m.Optional("composition") is { } c ? CompositionMapping.Read(c) : null,
            Process = process,
            Attributes = NamedValueMapping.ReadAll(m.Optional("attributes")),
            Properties = properties,
        };
    }
}
