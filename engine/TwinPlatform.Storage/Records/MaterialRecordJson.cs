using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Storage.Records;

/// <summary>
/// JSON form of a <see cref="MaterialRecord"/> (schema <c>twinplatform.record</c>, version 1), and the
/// canonical form its persistent id is hashed from.
/// </summary>
/// <remarks>
/// <code>
/// { "schema": "twinplatform.record", "version": 1, "id": "mr-...", "access": "public",
///   "raw_material": { "name": "...", "class": "...", "supplier": null, "formula": "..." },
///   "composition": { "basis": "mass", "balance": "Fe", "constituents": [ { "name": "C", "fraction": 0.0041 }, ... ] },
///   "process": [ { "step": "tempering", "equipment": null, "set_points": [ { "name": "temperature", "value": 873.15, "dimension": "0,0,0,1,0" } ] } ],
///   "attributes": [ ... ],
///   "properties": [ { "name": "fatigue_strength", "value": 5.51e8, "dimension": "1,-1,-2,0,0", "unit": "Pa", "source_unit": "MPa",
///                     "specimen": null, "method": "...", "conditions": [ ... ], "statistics": null, "provenance": null } ],
///   "provenance": { "kind": "experiment", "source": "...", "date": "...", "author": null, "institution": "NIMS", "method": null, "data": null },
///   "lineage": [ { "parent": "...", "relation": "..." } ], "origin": { "file": "...", "line": 170 } }
/// </code>
/// Values are SI; <c>dimension</c> holds the exponents of M, L, T, Theta, I.
/// </remarks>
public static class MaterialRecordJson
{
    /// <summary>The schema name of a record document.</summary>
    public const string SchemaName = "twinplatform.record";

    /// <summary>Writes a record as indented JSON.</summary>
    public static string Serialize(MaterialRecord record) => Write(record, canonical: false, indented: true);

    /// <summary>Writes many records as a JSON array.</summary>
    public static string SerializeMany(IEnumerable<MaterialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder("[\n");
        var first = true;
        foreach (var r in records)
        {
            if (!first)
            {
                sb.Append(",\n");
            }

            sb.Append(Write(r, canonical: false, indented: true).TrimEnd());
            first = false;
        }

        return sb.Append("\n]\n").ToString();
    }

    /// <summary>
    /// The canonical form: compact JSON of the content only (no id, access, origin, lineage or
    /// display units), numbers rounded to 12 significant digits.
    /// </summary>
    public static string Canonical(MaterialRecord record) => Write(record, canonical: true, indented: false);

    /// <summary>Reads a record written by <see cref="Serialize"/>; the id is recomputed and must match when present.</summary>
    /// <exception cref="JsonException">Malformed JSON, another schema, a missing field, or an id that does not match the content.</exception>
    public static MaterialRecord Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    /// <summary>Reads one record from a parsed element.</summary>
    /// <exception cref="JsonException">A missing or malformed field, or an id that does not match the content.</exception>
    public static MaterialRecord Read(JsonElement root)
    {
        if (Str(root, "schema") != SchemaName)
        {
            throw new JsonException($"not a '{SchemaName}' document");
        }

        var raw = Req(root, "raw_material");
        var rawMaterial = new RawMaterial(Str(raw, "name"), OptStr(raw, "class"), OptStr(raw, "supplier"), OptStr(raw, "formula"));
        var comp = Req(root, "composition");
        var constituents = new List<Constituent>();
        foreach (var c in Req(comp, "constituents").EnumerateArray())
        {
            constituents.Add(new Constituent(Str(c, "name"), Req(c, "fraction").GetDouble()));
        }

        var composition = new RecordComposition(ParseEnum<CompositionBasisKind>(Str(comp, "basis"), "composition.basis"), constituents, OptStr(comp, "balance"));
        var process = new List<ProcessStepRecord>();
        foreach (var s in Req(root, "process").EnumerateArray())
        {
            process.Add(new ProcessStepRecord(Str(s, "step"), ReadValues(Req(s, "set_points")), OptStr(s, "equipment")));
        }

        var properties = new List<PropertyRecord>();
        foreach (var p in Req(root, "properties").EnumerateArray())
        {
            PropertyStatistics? stats = null;
            if (p.TryGetProperty("statistics", out var st) && st.ValueKind == JsonValueKind.Object)
            {
                stats = new PropertyStatistics(OptNum(st, "sd"), st.TryGetProperty("count", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null,
                    OptNum(st, "min"), OptNum(st, "max"));
            }

            Provenance? prov = p.TryGetProperty("provenance", out var pp) && pp.ValueKind == JsonValueKind.Object ? ReadProvenance(pp) : null;
            properties.Add(new PropertyRecord(Str(p, "name"), new Quantity(Req(p, "value").GetDouble(), Dim(p)), ReadValues(Req(p, "conditions")),
                OptStr(p, "specimen"), OptStr(p, "method"), stats, prov, OptStr(p, "source_unit")));
        }

        var lineage = new List<LineageLink>();
        if (root.TryGetProperty("lineage", out var lin) && lin.ValueKind == JsonValueKind.Array)
        {
            foreach (var l in lin.EnumerateArray())
            {
                lineage.Add(new LineageLink(Str(l, "parent"), Str(l, "relation")));
            }
        }

        RecordOrigin? origin = root.TryGetProperty("origin", out var o) && o.ValueKind == JsonValueKind.Object
            ? new RecordOrigin(Str(o, "file"), Req(o, "line").GetInt32())
            : null;
        var access = root.TryGetProperty("access", out var a) ? ParseEnum<AccessLevel>(a.GetString() ?? string.Empty, "access") : AccessLevel.Public;
        var record = new MaterialRecord(rawMaterial, composition, process, properties, ReadProvenance(Req(root, "provenance")),
            ReadValues(Req(root, "attributes")), access, lineage, origin);
        if (root.TryGetProperty("id", out var id) && id.GetString() is { } given && given != record.Id)
        {
            throw new JsonException($"record id {given} does not match its content (content hashes to {record.Id})");
        }

        return record;
    }

    /// <summary>Reads a JSON array of records.</summary>
    /// <exception cref="JsonException">Malformed JSON or record.</exception>
    public static IReadOnlyList<MaterialRecord> DeserializeMany(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var list = new List<MaterialRecord>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            list.Add(Read(e));
        }

        return list;
    }

    /// <summary>The text of a provenance kind as written in JSON and in the store (<c>in_service</c>).</summary>
    public static string KindText(ProvenanceKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>Parses a provenance kind (<c>experiment</c>, <c>computation</c>, <c>prediction</c>, <c>in_service</c>, ...).</summary>
    /// <exception cref="FormatException">Unknown kind.</exception>
    public static ProvenanceKind ParseKind(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<ProvenanceKind>(key, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            return kind;
        }

        // The words a materials-data template uses for the same kinds.
        return key.ToLowerInvariant() switch
        {
            "experimental" or "measured" => ProvenanceKind.Experiment,
            "computed" or "calculated" or "simulation" => ProvenanceKind.Computation,
            "predicted" => ProvenanceKind.Prediction,
            _ => throw new FormatException($"unknown provenance kind '{text}' (expected experiment, computation, prediction, sensor, in_service or handbook)"),
        };
    }

    private static string Write(MaterialRecord record, bool canonical, bool indented)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaName);
            w.WriteNumber("version", 1);
            if (!canonical)
            {
                w.WriteString("id", record.Id);
                w.WriteString("access", record.Access.ToString().ToLowerInvariant());
            }

            w.WriteStartObject("raw_material");
            w.WriteString("name", record.Raw.Name);
            w.WriteString("class", record.Raw.Class);
            w.WriteString("supplier", record.Raw.Supplier);
            w.WriteString("formula", record.Raw.Formula);
            w.WriteEndObject();

            w.WriteStartObject("composition");
            w.WriteString("basis", record.Composition.Basis.ToString().ToLowerInvariant());
            w.WriteString("balance", record.Composition.Balance);
            w.WriteStartArray("constituents");
            foreach (var c in record.Composition.Constituents)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                Number(w, "fraction", c.Fraction, canonical);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("process");
            foreach (var s in record.Process)
            {
                w.WriteStartObject();
                w.WriteString("step", s.Name);
                w.WriteString("equipment", s.Equipment);
                WriteValues(w, "set_points", s.SetPoints, canonical);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteValues(w, "attributes", record.Attributes, canonical);

            w.WriteStartArray("properties");
            foreach (var p in record.Properties)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                Number(w, "value", p.Value.ValueSI, canonical);
                w.WriteString("dimension", DimensionCodec.ToCode(p.Value.Dimension));
                if (!canonical)
                {
                    w.WriteString("unit", DimensionCodec.SiSymbol(p.Value.Dimension));
                    w.WriteString("source_unit", p.SourceUnit);
                }

                w.WriteString("specimen", p.Specimen);
                w.WriteString("method", p.Method);
                WriteValues(w, "conditions", p.Conditions, canonical);
                if (p.Statistics is { } st)
                {
                    w.WriteStartObject("statistics");
                    OptionalNumber(w, "sd", st.StandardDeviation, canonical);
                    if (st.Count is { } n)
                    {
                        w.WriteNumber("count", n);
                    }
                    else
                    {
                        w.WriteNull("count");
                    }

                    OptionalNumber(w, "min", st.Minimum, canonical);
                    OptionalNumber(w, "max", st.Maximum, canonical);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("statistics");
                }

                if (p.Provenance is { } pp)
                {
                    WriteProvenance(w, pp);
                }
                else
                {
                    w.WriteNull("provenance");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteProvenance(w, record.Provenance);

            if (!canonical)
            {
                w.WriteStartArray("lineage");
                foreach (var l in record.Lineage)
                {
                    w.WriteStartObject();
                    w.WriteString("parent", l.ParentId);
                    w.WriteString("relation", l.Relation);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (record.Origin is { } o)
                {
                    w.WriteStartObject("origin");
                    w.WriteString("file", o.File);
                    w.WriteNumber("line", o.Line);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("origin");
                }
            }

            w.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return indented ? text + "\n" : text;
    }

    private static void WriteValues(Utf8JsonWriter w, string name, IReadOnlyList<NamedValue> values, bool canonical)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            if (v.Quantity is { } q)
            {
                Number(w, "value", q.ValueSI, canonical);
                w.WriteString("dimension", DimensionCodec.ToCode(q.Dimension));
            }
            else
            {
                w.WriteString("text", v.Text);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteProvenance(Utf8JsonWriter w, Provenance p)
    {
        w.WriteStartObject("provenance");
        w.WriteString("kind", KindText(p.Kind));
        w.WriteString("source", p.Source);
        w.WriteString("date", p.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("author", p.Author);
        w.WriteString("institution", p.Institution);
        w.WriteString("method", p.Method);
        w.WriteString("data", p.Data);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value, bool canonical)
    {
        if (canonical)
        {
            // 12 significant digits: stable against last-bit differences of unit conversions.
            w.WritePropertyName(name);
            w.WriteRawValue(value == 0 ? "0" : value.ToString("G12", CultureInfo.InvariantCulture), skipInputValidation: false);
        }
        else
        {
            w.WriteNumber(name, value);
        }
    }

    private static void OptionalNumber(Utf8JsonWriter w, string name, double? value, bool canonical)
    {
        if (value is { } v)
        {
            Number(w, name, v, canonical);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static IReadOnlyList<NamedValue> ReadValues(JsonElement array)
    {
        var list = new List<NamedValue>();
        foreach (var v in array.EnumerateArray())
        {
            var name = Str(v, "name");
            list.Add(v.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
                ? NamedValue.Of(name, new Quantity(value.GetDouble(), Dim(v)))
                : NamedValue.OfText(name, Str(v, "text")));
        }

        return list;
    }

    private static Dimension Dim(JsonElement e)
    {
        try
        {
            return DimensionCodec.FromCode(Str(e, "dimension"));
        }
        catch (FormatException x)
        {
            throw new JsonException(x.Message, x);
        }
    }

    private static Provenance ReadProvenance(JsonElement e)
    {
        ProvenanceKind kind;
        try
        {
            kind = ParseKind(Str(e, "kind"));
        }
        catch (FormatException x)
        {
            throw new JsonException(x.Message, x);
        }

        return new Provenance(kind, Str(e, "source"), Req(e, "date").GetDateTimeOffset(), OptStr(e, "author"), OptStr(e, "institution"), OptStr(e, "method"), OptStr(e, "data"));
    }

    private static T ParseEnum<T>(string text, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : throw new JsonException($"{field}: unknown value '{text}'");

    private static JsonElement Req(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v : throw new JsonException($"missing field '{name}'");

    private static string Str(JsonElement e, string name) =>
        Req(e, name).GetString() ?? throw new JsonException($"field '{name}' is null");

    private static string? OptStr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? OptNum(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
