using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Materials.Passports;

/// <summary>
/// JSON form of a <see cref="MaterialPassport"/> (System.Text.Json). Values are in SI with their
/// unit; doubles are written in round-trip form so that reading gives back the same numbers.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "schema": "twinplatform.passport", "version": 1, "material": "steel", "name": "...",
///   "properties": {
///     "fatigue_strength": {
///       "mean": 5.5e8, "sd": 1.9e7, "lower": 5.2e8, "upper": 5.8e8, "level": 0.9, "unit": "Pa", "in_domain": true,
///       "provenance": { "kind": "prediction", "source": "...", "date": "2025-01-01T00:00:00+00:00", "method": "...", "data": "..." }
///     }
///   },
///   "notes": []
/// }
/// </code>
/// </remarks>
public static class MaterialPassportJson
{
    /// <summary>The schema name every passport declares.</summary>
    public const string SchemaName = "twinplatform.passport";

    private static readonly (Dimension Dimension, string Symbol)[] SiSymbols =
    [
        (Dimension.Pressure, "Pa"), (Dimension.Dimensionless, "1"), (Dimension.Length, "m"), (Dimension.Mass, "kg"),
        (Dimension.Time, "s"), (Dimension.Temperature, "K"), (Dimension.Force, "N"), (Dimension.Energy, "J"),
        (Dimension.Power, "W"), (Dimension.Frequency, "Hz"), (Dimension.Density, "kg/m^3"),
    ];

    /// <summary>Writes a passport as indented JSON.</summary>
    public static string Serialize(MaterialPassport passport)
    {
        ArgumentNullException.ThrowIfNull(passport);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaName);
            w.WriteNumber("version", 1);
            w.WriteString("material", passport.MaterialId);
            w.WriteString("name", passport.Name);
            w.WriteStartObject("properties");
            foreach (var name in passport.PropertyNames)
            {
                var q = passport.Properties[name];
                w.WriteStartObject(name);
                w.WriteNumber("mean", q.Value.Mean);
                w.WriteNumber("sd", q.Value.StandardDeviation);
                w.WriteNumber("lower", q.Value.Lower);
                w.WriteNumber("upper", q.Value.Upper);
                w.WriteNumber("level", q.Value.Level);
                w.WriteString("unit", SiUnit(q.Dimension));
                w.WriteBoolean("in_domain", q.InApplicabilityDomain);
                WriteProvenance(w, q.Provenance);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("notes");
            foreach (var note in passport.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a passport written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">Malformed JSON, another schema, or a missing or wrongly typed field.</exception>
    public static MaterialPassport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (String(root, "schema") != SchemaName)
        {
            throw new JsonException($"not a '{SchemaName}' document");
        }

        var properties = new List<KeyValuePair<string, UncertainQuantity>>();
        foreach (var p in Required(root, "properties").EnumerateObject())
        {
            var v = p.Value;
            var value = new UncertainValue(Number(v, "mean"), Number(v, "sd"), Number(v, "lower"), Number(v, "upper"), Number(v, "level"));
            var unitText = String(v, "unit");
            Unit unit;
            try
            {
                unit = Unit.Parse(unitText);
            }
            catch (UnitException e)
            {
                throw new JsonException($"properties.{p.Name}.unit: {e.Message}", e);
            }

            var inDomain = Required(v, "in_domain").GetBoolean();
            properties.Add(new(p.Name, new UncertainQuantity(value, unit.Dimension, ReadProvenance(Required(v, "provenance"), p.Name), inDomain)));
        }

        var notes = new List<string>();
        if (root.TryGetProperty("notes", out var n))
        {
            foreach (var item in n.EnumerateArray())
            {
                notes.Add(item.GetString() ?? string.Empty);
            }
        }

        return new MaterialPassport(String(root, "material"), String(root, "name"), properties, notes);
    }

    /// <summary>The SI unit symbol of a dimension (<c>Pa</c>, <c>1</c>, or a product such as <c>kg^1*m^2*s^-3*K^-1</c>).</summary>
    public static string SiUnit(Dimension dimension)
    {
        foreach (var (d, symbol) in SiSymbols)
        {
            if (d == dimension)
            {
                return symbol;
            }
        }

        if (dimension.I != 0)
        {
            throw new NotSupportedException($"no SI unit symbol for {dimension} in passports");
        }

        var parts = new List<string>();
        void Add(string s, int e)
        {
            if (e != 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s}^{e}"));
            }
        }

        Add("kg", dimension.M);
        Add("m", dimension.L);
        Add("s", dimension.T);
        Add("K", dimension.Theta);
        return string.Join("*", parts);
    }

    private static void WriteProvenance(Utf8JsonWriter w, Provenance p)
    {
        w.WriteStartObject("provenance");
        w.WriteString("kind", JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Kind.ToString()));
        w.WriteString("source", p.Source);
        w.WriteString("date", p.Date);
        WriteOptional(w, "author", p.Author);
        WriteOptional(w, "institution", p.Institution);
        WriteOptional(w, "method", p.Method);
        WriteOptional(w, "data", p.Data);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static Provenance ReadProvenance(JsonElement e, string property)
    {
        var kindText = String(e, "kind").Replace("_", string.Empty, StringComparison.Ordinal);
        if (!Enum.TryParse<ProvenanceKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new JsonException($"properties.{property}.provenance.kind: unknown kind '{String(e, "kind")}'");
        }

        return new Provenance(kind, String(e, "source"), Required(e, "date").GetDateTimeOffset(),
            Optional(e, "author"), Optional(e, "institution"), Optional(e, "method"), Optional(e, "data"));
    }

    private static JsonElement Required(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v : throw new JsonException($"missing field '{name}'");

    private static string String(JsonElement e, string name) =>
        Required(e, name).GetString() ?? throw new JsonException($"field '{name}' is null");

    private static double Number(JsonElement e, string name) => Required(e, name).GetDouble();

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
