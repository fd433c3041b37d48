using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Materials.Import;

/// <summary>A named value of a mapping (a set-point, condition or attribute) and where it comes from.</summary>
/// <param name="Name">Name in the record (<c>temperature</c>, <c>test_temperature</c>).</param>
/// <param name="Source">Where the value comes from.</param>
public sealed record NamedValueMapping(string Name, ValueSource Source)
{
    /// <summary>Reads <c>{name: source, ...}</c>.</summary>
    internal static IReadOnlyList<NamedValueMapping> ReadAll(YamlField? field)
    {
        if (field is not { } f)
        {
            return [];
        }

        var list = new List<NamedValueMapping>();
        foreach (var (key, value) in f.AsMapping().Entries)
        {
            list.Add(new NamedValueMapping(key, ValueSource.Read(value, text: false)));
        }

        return list;
    }
}
