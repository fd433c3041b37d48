namespace TwinPlatform.Core.Yaml;

/// <summary>A mapping of a configuration file with typed, position-reporting access to its keys.</summary>
public sealed class YamlFieldMapping
{
    private readonly YamlMapping _mapping;

    /// <summary>Wraps a mapping node.</summary>
    public YamlFieldMapping(YamlField self, YamlMapping mapping)
    {
        Self = self;
        _mapping = mapping;
    }

    /// <summary>The mapping itself as a field.</summary>
    public YamlField Self { get; }

    /// <summary>The keys and their fields, in file order.</summary>
    public IEnumerable<(string Key, YamlField Field)> Entries
    {
        get
        {
            foreach (var e in _mapping.Entries)
            {
                yield return (e.Key, Child(e));
            }
        }
    }

    /// <summary>True if the key is present.</summary>
    public bool Has(string key) => _mapping.Find(key) is not null;

    /// <summary>The field under a key; an error naming the key when absent.</summary>
    public YamlField Required(string key) => _mapping.Find(key) is { } e
        ? Child(e)
        : throw new InputFileException(Self.File, _mapping.Line, _mapping.Column, Join(key), "required field is missing");

    /// <summary>The field under a key, or null when absent or empty.</summary>
    public YamlField? Optional(string key) =>
        _mapping.Find(key) is { } e && !(e.Value is YamlScalar { IsNull: true }) ? Child(e) : null;

    /// <summary>Refuses any key not in <paramref name="allowed"/>, naming the first stray key and its line.</summary>
    public YamlFieldMapping Only(params string[] allowed)
    {
        foreach (var e in _mapping.Entries)
        {
            if (Array.IndexOf(allowed, e.Key) < 0)
            {
                throw new InputFileException(Self.File, e.Line, e.Column, Join(e.Key),
                    $"unknown field (expected one of: {string.Join(", ", allowed)})");
            }
        }

        return this;
    }

    /// <summary>A required text value.</summary>
    public string String(string key) => Required(key).AsString();

    /// <summary>An optional text value.</summary>
    public string? OptionalString(string key) => Optional(key)?.AsString();

    private YamlField Child(YamlEntry e) => new(Self.File, Join(e.Key), e.Value);

    private string Join(string key) => string.IsNullOrEmpty(Self.Path) ? key : $"{Self.Path}.{key}";
}
