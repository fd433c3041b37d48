using System.Text.Json.Nodes;
using TwinPlatform.Cli.Commands;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Prognostics.Tests;

/// <summary>The turbofan fleet fed from a live feed (SI samples over MQTT) against the recorded replay.</summary>
public sealed class TurbofanLiveRunTests
{
    [Fact]
    public async Task Route_CmapssFeedInSi_ReproducesTheReplayExactly()
    {
        // The feed reader sends kelvin, psi, rpm; the router converts back to the file's units and the
        // twins must see the very same doubles as the replay.
        var fleet = TurbofanFixtures.NewFleet(1, 100);
        var router = new TurbofanSampleRouter(new TurbofanCycleAssembler(fleet));
        var reader = new CmapssFeedReader(CmapssPaths.Test, converter: new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        await foreach (var sample in reader.ReadAsync())
        {
            _ = router.Route(sample);
        }

        _ = router.Assembler.Flush();
        var truth = TurbofanFixtures.TrueRul.Value;
        var live = fleet.Result([.. Enumerable.Range(1, truth.Length)], truth, 0);
        var replay = TurbofanFixtures.Replay(1, 100);
        Assert.Equal(0, router.Unrouted + router.Bad);
        Assert.Equal(replay.Cycles, router.Assembler.CompleteCycles);
        Assert.Equal(replay.Metrics, live.Metrics);
        Assert.Equal(replay.Engines, live.Engines);
        Assert.Equal(replay.Histories[1].Blade, live.Histories[1].Blade);
        Assert.Equal(replay.Histories[1].Prognosis, live.Histories[1].Prognosis);
    }

    [Fact]
    public void Route_ForeignIdsAndBadSamples_AreCountedNotRouted()
    {
        var router = new TurbofanSampleRouter(new TurbofanCycleAssembler(TurbofanFixtures.NewFleet()));
        Assert.Null(router.Route(new SensorSample("SG1", 0, 1, SampleQuality.Good, 1)));
        Assert.Null(router.Route(new SensorSample("engine-x/T30", 0, 1, SampleQuality.Good, 1)));
        Assert.Null(router.Route(new SensorSample("engine-3/T31", 0, 1, SampleQuality.Good, 1)));
        Assert.Null(router.Route(new SensorSample("engine-3/T30", 0, 800, SampleQuality.Bad, 1)));
        Assert.Null(router.Route(new SensorSample("engine-3/T30", 0, double.NaN, SampleQuality.Good, 1)));
        Assert.Null(router.Route(new SensorSample("engine-3/T30", 0, 800, SampleQuality.Good, 1)));
        Assert.Equal(3, router.Unrouted);
        Assert.Equal(2, router.Bad);
        Assert.Equal(1, router.Routed);
    }

    [MosquittoFact]
    public async Task RunLiveAsync_OverMosquitto_ReportEqualsTheReplay()
    {
        using var broker = MosquittoBroker.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        var replayFolder = RepoPaths.NewTempFolder("turbofan-replay");
        var mqttFolder = RepoPaths.NewTempFolder("turbofan-mqtt");
        var progress = new Progress<string>(_ => { });
        Assert.Equal(0, await TurbofanRun.RunAsync(CmapssPaths.Scene, replayFolder, progress, ct));

        var states = new CountingPublisher();
        await using var source = new MqttSensorSource(
            new MqttSensorSourceOptions
            {
                Port = broker.Port,
                ClientId = "turbofan-test-" + Guid.NewGuid().ToString("N")[..8],
                TopicFilter = MqttTopics.SceneFilter("turbofan"),
                SessionExpirySeconds = 0,
            },
            new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        await source.StartAsync(ct);
        var options = new TurbofanLiveOptions { IdleTimeout = TimeSpan.FromSeconds(3), StatePublisher = states };
        var run = TurbofanRun.RunLiveAsync(CmapssPaths.Scene, mqttFolder, source, options, progress, ct);
        await using (var publisher = new MqttSensorPublisher(new MqttSensorPublisherOptions { Port = broker.Port, Scene = "turbofan" }))
        {
            var sent = await TurbofanPublish.PublishAsync(CmapssPaths.Test, (batch, token) => publisher.PublishAsync(batch, token), 0, ct);
            Assert.Equal(TurbofanFixtures.TestSet.Value.RowCount, sent.Payloads);
        }

        Assert.Equal(0, await run);
        Assert.Equal(TurbofanFixtures.TestSet.Value.RowCount, source.Counters.Acknowledged);
        Assert.Equal(TurbofanFixtures.TestSet.Value.RowCount, states.Count);
        var replay = JsonNode.Parse(File.ReadAllText(Path.Combine(replayFolder, "turbofan-report.json")))!.AsObject();
        var mqtt = JsonNode.Parse(File.ReadAllText(Path.Combine(mqttFolder, "turbofan-report.json")))!.AsObject();
        _ = replay.Remove("replay_seconds");
        _ = mqtt.Remove("replay_seconds");
        Assert.Equal(replay["rul"]!.ToJsonString(), mqtt["rul"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(replay, mqtt), "the report over MQTT differs from the replay's");
    }

    private sealed class CountingPublisher : ITwinStatePublisher
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask PublishAsync(TwinStateUpdate update, CancellationToken cancellationToken = default)
        {
            Assert.StartsWith("engine-", update.Twin, StringComparison.Ordinal);
            Assert.True(update.Values["rul_cycles"] >= 0);
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }
}
