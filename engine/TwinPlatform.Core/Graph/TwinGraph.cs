namespace TwinPlatform.Core.Graph;

/// <summary>
/// The twin graph of a scene: materials, components and systems, the edges between them
/// (a component is made of a material; a component is part of a system) and the sensors on them.
/// </summary>
/// <remarks>Built once from a scene and then read; not thread-safe while being built.</remarks>
public sealed class TwinGraph
{
    private readonly Dictionary<TwinId, TwinNode> _nodes = [];
    private readonly Dictionary<TwinId, TwinId> _madeOf = [];
    private readonly Dictionary<TwinId, TwinId> _partOf = [];
    private readonly Dictionary<string, SensorNode> _sensors = new(StringComparer.Ordinal);

    /// <summary>All twins in insertion order of their levels.</summary>
    public IEnumerable<TwinNode> Nodes => _nodes.Values;

    /// <summary>All sensors.</summary>
    public IEnumerable<SensorNode> Sensors => _sensors.Values;

    /// <summary>Adds a twin.</summary>
    /// <exception cref="ArgumentException">The id is empty or already used.</exception>
    public TwinNode Add(TwinId id, TwinLevel level, string name)
    {
        if (string.IsNullOrWhiteSpace(id.Value))
        {
            throw new ArgumentException("a twin id cannot be empty", nameof(id));
        }

        var node = new TwinNode(id, level, name);
        if (!_nodes.TryAdd(id, node))
        {
            throw new ArgumentException($"twin id '{id}' is used twice", nameof(id));
        }

        return node;
    }

    /// <summary>Records that a component is made of a material.</summary>
    public void MadeOf(TwinId component, TwinId material)
    {
        Require(component, TwinLevel.Component);
        Require(material, TwinLevel.Material);
        _madeOf[component] = material;
    }

    /// <summary>Records that a component is part of a system.</summary>
    public void PartOf(TwinId component, TwinId system)
    {
        Require(component, TwinLevel.Component);
        Require(system, TwinLevel.System);
        _partOf[component] = system;
    }

    /// <summary>Attaches a sensor to a component point or system channel.</summary>
    public void Attach(SensorNode sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        var level = sensor.Attachment is ComponentPoint ? TwinLevel.Component : TwinLevel.System;
        Require(sensor.Attachment.Twin, level);
        if (!_sensors.TryAdd(sensor.Id, sensor))
        {
            throw new ArgumentException($"sensor id '{sensor.Id}' is used twice", nameof(sensor));
        }
    }

    /// <summary>The twin with this id.</summary>
    public TwinNode this[TwinId id] => _nodes.TryGetValue(id, out var n) ? n : throw new KeyNotFoundException($"no twin '{id}'");

    /// <summary>The sensor with this id, or null.</summary>
    public SensorNode? FindSensor(string id) => _sensors.GetValueOrDefault(id);

    /// <summary>The material a component is made of.</summary>
    public TwinNode MaterialOf(TwinId component) =>
        _madeOf.TryGetValue(component, out var m) ? _nodes[m] : throw new KeyNotFoundException($"component '{component}' has no material");

    /// <summary>The system a component belongs to, or null.</summary>
    public TwinNode? SystemOf(TwinId component) => _partOf.TryGetValue(component, out var s) ? _nodes[s] : null;

    /// <summary>The components of a system.</summary>
    public IEnumerable<TwinNode> ComponentsOf(TwinId system)
    {
        foreach (var (component, s) in _partOf)
        {
            if (s == system)
            {
                yield return _nodes[component];
            }
        }
    }

    /// <summary>The sensors attached to a twin.</summary>
    public IEnumerable<SensorNode> SensorsOn(TwinId twin)
    {
        foreach (var s in _sensors.Values)
        {
            if (s.Attachment.Twin == twin)
            {
                yield return s;
            }
        }
    }

    private void Require(TwinId id, TwinLevel level)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            throw new ArgumentException($"no twin '{id}'");
        }

        if (node.Level != level)
        {
            throw new ArgumentException($"twin '{id}' is a {node.Level}, not a {level}");
        }
    }
}
