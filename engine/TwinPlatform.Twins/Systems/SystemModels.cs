using TwinPlatform.Core;
using TwinPlatform.Core.Scenes;

namespace TwinPlatform.Twins.Systems;

/// <summary>Creates the model for a system's kind.</summary>
public static class SystemModels
{
    /// <summary>The system kinds this build implements.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [SimplySupportedBeam.Kind];

    /// <summary>Creates the model; an unknown kind is an error naming the scene field.</summary>
    /// <exception cref="InputFileException">Unknown kind or bad settings.</exception>
    public static ISystemModel Create(SystemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Kind switch
        {
            SimplySupportedBeam.Kind => new SimplySupportedBeam(definition),
            _ => throw definition.Settings.Required("kind").Error($"unknown system kind '{definition.Kind}' (known: {string.Join(", ", Kinds)})"),
        };
    }
}
