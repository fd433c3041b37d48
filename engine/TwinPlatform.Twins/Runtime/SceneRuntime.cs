using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Twins.Components;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Monitoring;
using TwinPlatform.Twins.Systems;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// Runs the twins of one scene against a sample source: conditions the feed, routes each sample
/// to the twin its sensor is attached to (system inputs first, so components see the load of the
/// same instant), and keeps every twin's state.
/// </summary>
/// <remarks>
/// Each twin is addressed by its id and holds its own state; the runtime holds no global state,
/// so the same twins can later be hosted one per actor.
/// </remarks>
public sealed class SceneRuntime : IComponentCompliance
{
    private readonly TwinGraph _graph;
    private readonly Dictionary<string, ComponentTwin> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SystemTwin> _systems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MaterialState> _materials;
    private readonly Dictionary<string, (SensorNode Node, int Priority)> _sensors = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, ComponentRom> _roms;
    private readonly List<SensorSample> _released = new(64);
    private readonly TwinEventLog _events = new();
    private FeedConditioner? _conditioner;
    private long _gapsReported;

    /// <summary>Creates the runtime from a scene, its materials' properties and its components' reduced-order models.</summary>
    public SceneRuntime(SceneDefinition scene, IReadOnlyDictionary<string, MaterialState> materials, IReadOnlyDictionary<string, ComponentRom> roms)
    {
        Scene = scene;
        _graph = scene.BuildGraph();
        _materials = new Dictionary<string, MaterialState>(materials, StringComparer.Ordinal);
        _roms = roms;
        foreach (var system in scene.Systems)
        {
            var model = SystemModels.Create(system);
            _systems[system.Id] = new SystemTwin(model, _graph.SensorsOn(new TwinId(system.Id)));
        }

        foreach (var sensor in scene.Sensors)
        {
            var priority = sensor.Attachment switch
            {
                SystemChannel sc when _systems[sc.System.Value].IsInput(sensor.Id) => 0,
                SystemChannel => 1,
                _ => 2,
            };
            _sensors[sensor.Id] = (sensor, priority);
        }
    }

    /// <summary>The scene.</summary>
    public SceneDefinition Scene { get; }

    /// <summary>The twin graph.</summary>
    public TwinGraph Graph => _graph;

    /// <summary>Component twins by id (created when the first sample arrives, so that drift is timed from the feed's start).</summary>
    public IReadOnlyDictionary<string, ComponentTwin> Components => _components;

    /// <summary>System twins by id.</summary>
    public IReadOnlyDictionary<string, SystemTwin> Systems => _systems;

    /// <summary>Materials by id.</summary>
    public IReadOnlyDictionary<string, MaterialState> Materials => _materials;

    /// <summary>What conditioning did to the feed.</summary>
    public FeedStatistics Feed => _conditioner?.Statistics ?? new FeedStatistics();

    /// <summary>Time of the first sample released, UTC ticks.</summary>
    public long StartTicks { get; private set; }

    /// <summary>Time of the last sample released, UTC ticks.</summary>
    public long EndTicks { get; private set; }

    /// <summary>
    /// Events the twins raised (anomalies, drift, calibration shifts, gaps), in the order raised: the latest
    /// <see cref="TwinEventLog.DefaultCapacity"/> held, with counts per twin and kind of all of them.
    /// </summary>
    public TwinEventLog Events => _events;

    /// <summary>Payloads or samples the source refused (malformed, unknown sensor); counted into <see cref="Feed"/>.</summary>
    public long RejectedBySource
    {
        get => _conditioner?.Statistics.Rejected ?? 0;
        set
        {
            if (_conditioner is not null)
            {
                _conditioner.Statistics.Rejected = value;
            }
        }
    }

    /// <summary>Reads the source to its end, updating every twin per sample.</summary>
    /// <param name="source">Where samples come from.</param>
    /// <param name="progress">Receives a line now and then (samples processed).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public async Task RunAsync(ISensorSource source, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Begin();
        long next = 2000;
        await foreach (var sample in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Accept(sample);
            if (Feed.Received >= next)
            {
                progress?.Report($"{Feed.Received} samples");
                next += 2000;
            }
        }

        if (source is CsvFeedReader csv)
        {
            RejectedBySource = csv.Rejected.Count;
        }

        Complete();
    }

    /// <summary>Starts a run: sets up feed conditioning. Call once, before <see cref="Accept"/>.</summary>
    /// <exception cref="InvalidOperationException">The run has already begun.</exception>
    public void Begin()
    {
        if (_conditioner is not null)
        {
            throw new InvalidOperationException("the run has already begun");
        }

        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, (_, p)) in _sensors)
        {
            priorities[id] = p;
        }

        _conditioner = new FeedConditioner(new FeedConditionerOptions { ReorderWindow = Scene.Feed.ReorderWindow, Priority = priorities });
    }

    /// <summary>
    /// Takes one sample as it arrives: conditions it (reorder window, duplicates, quality) and
    /// updates every twin with whatever the conditioner releases.
    /// </summary>
    /// <exception cref="ArgumentException">The sample names a sensor the scene does not have.</exception>
    public void Accept(in SensorSample sample)
    {
        var conditioner = _conditioner ?? throw new InvalidOperationException("call Begin before Accept");
        if (!_sensors.ContainsKey(sample.Sensor))
        {
            throw new ArgumentException($"sensor '{sample.Sensor}' is not in scene '{Scene.Name}'", nameof(sample));
        }

        conditioner.Push(sample, _released);
        Dispatch(_released);
        RaiseGapEvents(conditioner);
    }

    /// <summary>Ends the run: releases what the reorder window still holds and updates the twins with it.</summary>
    public void Complete()
    {
        var conditioner = _conditioner ?? throw new InvalidOperationException("call Begin before Complete");
        conditioner.Flush(_released);
        Dispatch(_released);
        RaiseGapEvents(conditioner);
        CreateComponentTwins();
    }

    /// <summary>True when the scene has a sensor with this id.</summary>
    public bool HasSensor(string sensorId) => _sensors.ContainsKey(sensorId);

    private void RaiseGapEvents(FeedConditioner conditioner)
    {
        var gaps = conditioner.Statistics.Gaps;
        foreach (var gap in gaps.Since(_gapsReported))
        {
            var twin = _sensors.TryGetValue(gap.Sensor, out var s) ? s.Node.Attachment.Twin.Value : Scene.Name;
            _events.Add(new TwinEvent(twin, TwinEventKind.Gap, gap.ToUtcTicks, gap.Seconds, $"{gap.Sensor}: no reading for {gap.Seconds:F1} s"));
        }

        _gapsReported = gaps.TotalCount;
    }

    /// <inheritdoc/>
    public (double ComplianceMPerN, double RelativeStd) Compliance(string componentId, string loadCase, string point) =>
        Component(componentId).Compliance(loadCase, point);

    private void Dispatch(List<SensorSample> released)
    {
        foreach (var sample in released)
        {
            if (StartTicks == 0)
            {
                StartTicks = sample.TimestampUtcTicks;
                CreateComponentTwins();
            }

            EndTicks = sample.TimestampUtcTicks;
            var (sensor, _) = _sensors[sample.Sensor];
            switch (sensor.Attachment)
            {
                case SystemChannel sc:
                    var system = _systems[sc.System.Value];
                    if (system.IsInput(sensor.Id))
                    {
                        if (system.OnInput(sample, sensor.StandardUncertaintySI))
                        {
                            foreach (var load in system.Model.ComponentLoads())
                            {
                                Component(load.ComponentId).SetLoad(load);
                            }
                        }
                    }
                    else
                    {
                        system.OnOutput(sample, this);
                    }

                    break;
                case ComponentPoint cp:
                    Component(cp.Component.Value).OnGauge(sample);
                    break;
            }
        }

        released.Clear();
    }

    private void CreateComponentTwins()
    {
        foreach (var c in Scene.Components)
        {
            _ = Component(c.Id);
        }
    }

    private ComponentTwin Component(string id)
    {
        if (!_components.TryGetValue(id, out var twin))
        {
            var definition = Scene.Component(id);
            if (!_roms.TryGetValue(id, out var rom))
            {
                throw new InvalidOperationException($"component '{id}' has no reduced-order model");
            }

            var gauges = new List<SensorNode>(_graph.SensorsOn(new TwinId(id)));
            twin = new ComponentTwin(definition, rom, _materials[definition.MaterialId], gauges, Scene.Twin.DriftChannels, StartTicks, _events);
            _components[id] = twin;
        }

        return twin;
    }
}
