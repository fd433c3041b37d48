using TwinPlatform.Cli.Commands;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Prognostics;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Server;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// The turbofan scene's live path (<c>twin run scenes/turbofan --source mqtt</c>): one payload per engine
/// cycle (24 C-MAPSS samples), consumed by <see cref="TurbofanLiveRun"/> (per-engine twins: features,
/// three tree ensembles, blade twin; no store), one state update per engine cycle.
/// </summary>
internal sealed class TurbofanWorkload : Workload
{
    private readonly TurbofanScene _scene;
    private readonly RulModel _model;
    private readonly BladeMaterial _material;
    private readonly BladeRom _rom;
    private const long CyclesPerPass = 1000;

    private readonly List<SensorMessage[]> _rows;
    private readonly TurbofanStage _stage;
    private readonly int? _maxStates;
    private readonly Func<MqttSensorSourceOptions, MqttSensorSourceOptions> _sourceOptions;

    private TurbofanWorkload(TurbofanScene scene, List<SensorMessage[]> rows, TurbofanStage stage, int? maxStates, Func<MqttSensorSourceOptions, MqttSensorSourceOptions> sourceOptions)
    {
        _sourceOptions = sourceOptions;
        _scene = scene;
        _rows = rows;
        _stage = stage;
        _maxStates = maxStates;
        _model = RulModel.Load(scene.ModelFolder);
        _material = new BladeMaterial(MaterialPassport.FromJson(File.ReadAllText(scene.PassportFile)));
        _rom = BladeRom.Build(scene.Blade, _material.Elastic(), BladeRom.RadPerS(scene.ReferenceSpeedRpm));
    }

    public override string Name => _stage switch
    {
        TurbofanStage.Source => "turbofan (source only)",
        TurbofanStage.Route => "turbofan (source + twins, no states)",
        _ => _maxStates is { } m ? $"turbofan (budget {m} states/s)" : "turbofan",
    };

    public override string Scene => "bench-turbofan";

    public override int SamplesPerPayload => _rows[0].Length;

    public static async Task<TurbofanWorkload> LoadAsync(string scenePath, TurbofanStage stage, int? maxStates, Func<MqttSensorSourceOptions, MqttSensorSourceOptions> sourceOptions, CancellationToken ct)
    {
        var scene = TurbofanSceneLoader.Load(scenePath);
        var rows = new List<SensorMessage[]>();
        await foreach (var row in new CmapssFeedReader(scene.TestFile).ReadMessagesAsync(ct))
        {
            rows.Add(row);
        }

        return new TurbofanWorkload(scene, rows, stage, maxStates, sourceOptions);
    }

    public override SensorMessage[] Payload(long index, long nowTicks)
    {
        // The same 100 engines keep running: each pass over the recorded fleet continues every engine's
        // cycle count (cycle + 1000 per pass; FD001's longest test engine has 303 cycles), as a fleet in
        // service reports cycle after cycle. Each pass replays the recorded trajectories from the start.
        var row = _rows[(int)(index % _rows.Count)];
        var pass = index / _rows.Count;
        var batch = new SensorMessage[row.Length];
        for (var k = 0; k < row.Length; k++)
        {
            batch[k] = row[k] with { Sequence = row[k].Sequence + (pass * CyclesPerPass), TimestampUtcTicks = nowTicks };
        }

        return batch;
    }

    public override async Task<RuntimeRun> StartRuntimeAsync(int port, HubTwinStatePublisher publisher, CancellationToken stop)
    {
        var fleet = new TurbofanFleet(_model, _rom, _material, _scene.CoreSpeed, _scene.Temperature, []);
        var router = new TurbofanSampleRouter(new TurbofanCycleAssembler(fleet));
        var options = new MqttSensorSourceOptions { Port = port, ClientId = "feedbench-turbofan-" + Guid.NewGuid().ToString("N")[..8], TopicFilter = MqttTopics.SceneFilter(Scene), SessionExpirySeconds = 0 };
        var mqtt = new MqttSensorSource(
            _sourceOptions(options),
            new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        await mqtt.StartAsync(stop);
        var timed = new TimedSource(mqtt);
        var run = _stage == TurbofanStage.Full
            ? Task.Run(() => TurbofanLiveRun.RunAsync(timed, router, Options(publisher), stop), CancellationToken.None)
            : Task.Run(() => ConsumeAsync(timed, _stage == TurbofanStage.Route ? router : null, stop), CancellationToken.None);
        return new RuntimeRun(timed, mqtt.Counters, run, mqtt);
    }

    private TurbofanLiveOptions Options(HubTwinStatePublisher publisher)
    {
        var options = new TurbofanLiveOptions { IdleTimeout = TimeSpan.FromSeconds(3), StatePublisher = publisher };
        return _maxStates is { } m ? options with { MaxStatesPerSecond = m } : options;
    }

    /// <summary>A part of the live path, to tell its costs apart: read and acknowledge, with or without routing every sample to the twins.</summary>
    private static async Task ConsumeAsync(TimedSource source, TurbofanSampleRouter? router, CancellationToken stop)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        idle.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await foreach (var delivery in source.ReadDeliveriesAsync(idle.Token))
            {
                idle.CancelAfter(TimeSpan.FromSeconds(3));
                if (router is not null)
                {
                    foreach (var sample in delivery.Samples.Span)
                    {
                        _ = router.Route(sample);
                    }
                }

                await delivery.AcknowledgeAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Idle or stopped: the phase is over.
        }
    }
}

/// <summary>How much of the fleet's live path a turbofan workload runs.</summary>
internal enum TurbofanStage
{
    /// <summary>All of it: <see cref="TurbofanLiveRun"/> with the state budget and the SignalR viewer.</summary>
    Full,

    /// <summary>The MQTT source only (decode, convert, queue, acknowledge); the samples go nowhere.</summary>
    Source,

    /// <summary>The source and every sample routed to the engine twins (features, blade), no state pushed.</summary>
    Route,
}
