using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Scenes;

/// <summary>
/// A loaded, validated scene: the materials, components and systems of one twin chain, the sensors
/// on them, the feed that drives them and the twin's options.
/// </summary>
/// <remarks>
/// All quantities are in SI. Paths are absolute (resolved against the scene file's folder).
/// Kind-specific settings (a system's statics, a load case's parameters) stay as
/// <see cref="YamlFieldMapping"/> so that the code that understands them reports errors with the
/// same file, line and field.
/// </remarks>
public sealed record SceneDefinition
{
    /// <summary>The schema version this loader reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The scene file, as named by the user.</summary>
    public required string File { get; init; }

    /// <summary>The folder holding the scene file (absolute).</summary>
    public required string Directory { get; init; }

    /// <summary>Schema version of the file.</summary>
    public required int Version { get; init; }

    /// <summary>Short scene name.</summary>
    public required string Name { get; init; }

    /// <summary>Free text.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Materials of the chain.</summary>
    public required IReadOnlyList<MaterialDefinition> Materials { get; init; }

    /// <summary>Components (parts) of the chain.</summary>
    public required IReadOnlyList<ComponentDefinition> Components { get; init; }

    /// <summary>Systems assembled from the components.</summary>
    public required IReadOnlyList<SystemDefinition> Systems { get; init; }

    /// <summary>Sensors on components and systems.</summary>
    public required IReadOnlyList<SensorNode> Sensors { get; init; }

    /// <summary>Where samples come from.</summary>
    public required FeedDefinition Feed { get; init; }

    /// <summary>Twin settings: which parameters to calibrate, the validation coverage factor.</summary>
    public required TwinOptions Twin { get; init; }

    /// <summary>The material with an id.</summary>
    public MaterialDefinition Material(string id) => Find(Materials, id, m => m.Id, "material");

    /// <summary>The component with an id.</summary>
    public ComponentDefinition Component(string id) => Find(Components, id, c => c.Id, "component");

    /// <summary>The system with an id.</summary>
    public SystemDefinition System(string id) => Find(Systems, id, s => s.Id, "system");

    /// <summary>Builds the twin graph: nodes at three levels, their edges and the sensors.</summary>
    public TwinGraph BuildGraph()
    {
        var g = new TwinGraph();
        foreach (var m in Materials)
        {
            g.Add(new TwinId(m.Id), TwinLevel.Material, m.Name);
        }

        foreach (var s in Systems)
        {
            g.Add(new TwinId(s.Id), TwinLevel.System, s.Name);
        }

        foreach (var c in Components)
        {
            var id = new TwinId(c.Id);
            g.Add(id, TwinLevel.Component, c.Name);
            g.MadeOf(id, new TwinId(c.MaterialId));
        }

        foreach (var s in Systems)
        {
            foreach (var part in s.ComponentIds)
            {
                g.PartOf(new TwinId(part), new TwinId(s.Id));
            }
        }

        foreach (var sensor in Sensors)
        {
            g.Attach(sensor);
        }

        return g;
    }

    private static T Find<T>(IReadOnlyList<T> items, string id, Func<T, string> key, string what)
    {
        foreach (var item in items)
        {
            if (key(item) == id)
            {
                return item;
            }
        }

        throw new KeyNotFoundException($"the scene has no {what} '{id}'");
    }
}
