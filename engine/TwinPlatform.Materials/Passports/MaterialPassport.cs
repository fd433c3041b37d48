using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Materials.Passports;

/// <summary>
/// The properties of one material as the rest of the chain consumes them: each a distribution in SI
/// with its provenance and applicability-domain flag, never a bare number.
/// </summary>
/// <remarks>Immutable. Properties keep the order in which they were added (model first, then tables).</remarks>
public sealed class MaterialPassport
{
    private readonly Dictionary<string, UncertainQuantity> _properties;

    /// <summary>Creates a passport.</summary>
    /// <param name="materialId">Material id of the scene.</param>
    /// <param name="name">Human name of the material.</param>
    /// <param name="properties">Property name to value, in order; names must be unique.</param>
    /// <param name="notes">Remarks for a reader (for example why a prediction is out of domain).</param>
    public MaterialPassport(string materialId, string name, IEnumerable<KeyValuePair<string, UncertainQuantity>> properties, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(materialId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(properties);
        MaterialId = materialId;
        Name = name;
        _properties = new Dictionary<string, UncertainQuantity>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (key, value) in properties)
        {
            if (!_properties.TryAdd(key, value))
            {
                throw new ArgumentException($"property '{key}' is given twice", nameof(properties));
            }

            order.Add(key);
        }

        PropertyNames = order;
        Notes = notes is null ? [] : [.. notes];
    }

    /// <summary>Material id of the scene.</summary>
    public string MaterialId { get; }

    /// <summary>Human name of the material.</summary>
    public string Name { get; }

    /// <summary>Property names in order.</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>The properties by name.</summary>
    public IReadOnlyDictionary<string, UncertainQuantity> Properties => _properties;

    /// <summary>Remarks for a reader, such as the reason a prediction is outside the model's domain.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>A property by name (<see cref="MaterialPropertyNames"/>).</summary>
    /// <exception cref="KeyNotFoundException">The passport lacks it; the message says what it has.</exception>
    public UncertainQuantity this[string property] => _properties.TryGetValue(property, out var q)
        ? q
        : throw new KeyNotFoundException(
            $"the passport of material '{MaterialId}' has no '{property}' (it has: {(PropertyNames.Count == 0 ? "nothing" : string.Join(", ", PropertyNames))}); " +
            "give properties.model, properties.passport and/or properties.elastic in the scene");

    /// <summary>A property by name, or false.</summary>
    public bool TryGet(string property, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out UncertainQuantity? value) =>
        _properties.TryGetValue(property, out value);

    /// <summary>The passport as indented JSON (see <see cref="MaterialPassportJson"/>).</summary>
    public string ToJson() => MaterialPassportJson.Serialize(this);

    /// <summary>Reads a passport written by <see cref="ToJson"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">Malformed JSON or a missing field.</exception>
    public static MaterialPassport FromJson(string json) => MaterialPassportJson.Deserialize(json);
}
