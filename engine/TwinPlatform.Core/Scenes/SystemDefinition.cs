using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Scenes;

/// <summary>A system: its kind (which statics apply), the components it holds and its kind-specific settings.</summary>
/// <param name="Id">System twin id.</param>
/// <param name="Name">Human name.</param>
/// <param name="Kind">Kind of system, for example <c>simply-supported-beam</c>.</param>
/// <param name="ComponentIds">Components that are part of it.</param>
/// <param name="Settings">Kind-specific settings, read by the code that implements the kind.</param>
public sealed record SystemDefinition(string Id, string Name, string Kind, IReadOnlyList<string> ComponentIds, YamlFieldMapping Settings);
