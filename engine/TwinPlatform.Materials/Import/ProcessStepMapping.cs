using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Materials.Import;

/// <summary>One process step of a mapping: its name (constant or column), equipment and set-points.</summary>
/// <param name="Step">The step name; a row where it is missing has no such step.</param>
/// <param name="Equipment">Equipment or medium, or null.</param>
/// <param name="SetPoints">Set-points (temperature, time, reduction ratio).</param>
public sealed record ProcessStepMapping(ValueSource Step, ValueSource? Equipment, IReadOnlyList<NamedValueMapping> SetPoints)
{
    internal static ProcessStepMapping Read(YamlField field)
    {
        var m = field.AsMapping().Only("step", "equipment", "set_points");
        return new ProcessStepMapping(
            ValueSource.Read(m.Required("step"), text: true),
            m.Optional("equipment") is { } e ? ValueSource.Read(e, text: true) : null,
            NamedValueMapping.ReadAll(m.Optional("set_points")));
    }
}
