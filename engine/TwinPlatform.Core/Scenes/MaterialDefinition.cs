using TwinPlatform.Core.Units;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Scenes;

/// <summary>A material of the scene: raw material, composition, process, and how its properties are obtained.</summary>
public sealed record MaterialDefinition
{
    /// <summary>Material twin id.</summary>
    public required string Id { get; init; }

    /// <summary>Human name.</summary>
    public required string Name { get; init; }

    /// <summary>Material class, for example <c>low-alloy steel</c>.</summary>
    public string Class { get; init; } = string.Empty;

    /// <summary>Composition on its stated basis.</summary>
    public required CompositionDefinition Composition { get; init; }

    /// <summary>Process steps in order.</summary>
    public required IReadOnlyList<ProcessStep> Process { get; init; }

    /// <summary>Other characterisation (inclusion ratings, grain size), by name, in SI.</summary>
    public required IReadOnlyDictionary<string, Quantity> Attributes { get; init; }

    /// <summary>How properties are obtained: model paths, table entries, overrides (read by the materials layer).</summary>
    public YamlFieldMapping? Properties { get; init; }

    /// <summary>Laboratory measurements on this material, for material-level validation.</summary>
    public required IReadOnlyList<LabMeasurement> Lab { get; init; }

    /// <summary>Where the material is defined, for errors raised by later readers.</summary>
    public required YamlField Field { get; init; }

    /// <summary>The set-point of a named process step, or null.</summary>
    public Quantity? SetPoint(string step, string name)
    {
        foreach (var s in Process)
        {
            if (string.Equals(s.Name, step, StringComparison.OrdinalIgnoreCase) && s.SetPoints.TryGetValue(name, out var q))
            {
                return q;
            }
        }

        return null;
    }
}
