using TwinPlatform.Core.Scenes;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Server;
using TwinPlatform.Storage.Twins;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// The bracket scene's durable path (<c>twin run scenes/bracket --source mqtt</c>): its recorded feed
/// (strain gauge, load cell, trolley encoder, LVDT) in payloads of 24 samples, consumed by
/// <see cref="DurableRun"/> with a SQLite twin store in a temporary folder (every sample committed,
/// write-ahead log fsync'd, before it is acknowledged), state pushed after each commit.
/// </summary>
internal sealed class BracketWorkload : Workload
{
    private const int PerPayload = 24;

    private readonly SceneDefinition _scene;
    private readonly PreparedScene _prepared;
    private readonly List<SensorMessage> _messages;
    private readonly string _folder;
    private readonly Func<MqttSensorSourceOptions, MqttSensorSourceOptions> _sourceOptions;
    private int _runs;

    private BracketWorkload(SceneDefinition scene, PreparedScene prepared, List<SensorMessage> messages, string folder, Func<MqttSensorSourceOptions, MqttSensorSourceOptions> sourceOptions)
    {
        _sourceOptions = sourceOptions;
        _scene = scene;
        _prepared = prepared;
        _messages = messages;
        _folder = folder;
    }

    public override string Name => "bracket durable";

    public override string Scene => "bench-bracket";

    public override int SamplesPerPayload => PerPayload;

    public static async Task<BracketWorkload> LoadAsync(string scenePath, string cacheFolder, string tempFolder, Func<MqttSensorSourceOptions, MqttSensorSourceOptions> sourceOptions, CancellationToken ct)
    {
        var scene = SceneLoader.Load(scenePath);
        var prepared = ScenePreparation.Prepare(scene, cacheFolder);
        var sensors = scene.Sensors.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var messages = new List<SensorMessage>();
        var replay = scene.Feed.ReplayPath ?? throw new InvalidOperationException($"{scene.File} names no recorded feed");
        await foreach (var sample in new CsvFeedReader(replay, scene.Sensors).ReadAsync(ct))
        {
            var node = sensors[sample.Sensor];
            messages.Add(SensorMessage.FromSample(node.Attachment.Twin.Value, sample, node.Unit));
        }

        return new BracketWorkload(scene, prepared, messages, tempFolder, sourceOptions);
    }

    public override SensorMessage[] Payload(long index, long nowTicks)
    {
        // The recording's values in order, stamped now, with fresh sequence numbers so no sample repeats one.
        var batch = new SensorMessage[PerPayload];
        for (var k = 0; k < PerPayload; k++)
        {
            var n = (index * PerPayload) + k;
            batch[k] = _messages[(int)(n % _messages.Count)] with { TimestampUtcTicks = nowTicks, Sequence = n };
        }

        return batch;
    }

    public override async Task<RuntimeRun> StartRuntimeAsync(int port, HubTwinStatePublisher publisher, CancellationToken stop)
    {
        var run = Interlocked.Increment(ref _runs);
        var store = await TwinStores.OpenAsync("sqlite:" + Path.Combine(_folder, $"twins-{run}.db"), stop);
        var mqtt = new MqttSensorSource(
            _sourceOptions(new MqttSensorSourceOptions { Port = port, ClientId = "feedbench-bracket-" + Guid.NewGuid().ToString("N")[..8], TopicFilter = MqttTopics.SceneFilter(Scene), SessionExpirySeconds = 0 }),
            new SensorMessageConverter(_scene.Sensors));
        await mqtt.StartAsync(stop);
        var timed = new TimedSource(mqtt);
        var options = new DurableRunOptions { RunId = $"feedbench-{run}", IdleTimeout = TimeSpan.FromSeconds(3), StatePublisher = publisher };
        var task = Task.Run(() => DurableRun.RunAsync(_prepared, timed, store, options, 0, null, stop), CancellationToken.None);
        return new RuntimeRun(timed, mqtt.Counters, task, new Owner(mqtt, store));
    }

    private sealed class Owner(MqttSensorSource source, ITwinStore store) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await source.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
