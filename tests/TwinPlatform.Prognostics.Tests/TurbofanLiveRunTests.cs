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

    [Theory]
    [InlineData(0, true)]
    [InlineData(0.001, true)]
    [InlineData(5, false)]
    public async Task RunAsync_StateBudget_PacesPushesAndKeepsEveryEnginesLastCycle(double budget, bool backlog)
    {
        // One delivery per engine cycle. Budget 0: a state per cycle. A budget of almost nothing: the
        // first state goes out (the bucket's one token), every engine then waits once in line and goes
        // out, with its last cycle, when the run ends. 5 a second against at most 1000 deliveries a second
        // (one per 1 ms wait): fewer states than cycles, released while the loop waits, every engine's
        // last one kept.
        var acknowledged = 0;
        var deliveries = await TestSetDeliveriesAsync(() => acknowledged++);

        // Without a backlog each delivery waits 1 ms, so only the first six fleet cycles are sent.
        var sent = backlog ? deliveries : deliveries.Take(600).ToList();
        var fleet = TurbofanFixtures.NewFleet();
        var states = new CountingPublisher();
        var options = new TurbofanLiveOptions { StatePublisher = states, MaxStatesPerSecond = budget };
        var result = await TurbofanLiveRun.RunAsync(new ListSource(sent, backlog), new TurbofanSampleRouter(new TurbofanCycleAssembler(fleet)), options, CancellationToken.None);

        Assert.Equal(sent.Count, acknowledged);
        if (budget == 0)
        {
            Assert.Equal(sent.Count, states.Count);
        }
        else if (backlog)
        {
            Assert.Equal(1 + fleet.EngineCount, states.Count);
        }
        else
        {
            Assert.InRange(states.Count, fleet.EngineCount + 1, sent.Count - 1);
        }

        Assert.Equal(states.Count, result.StateUpdates);
        Assert.Equal(TurbofanFixtures.TestSet.Value.Engines.Count, fleet.EngineCount);
        foreach (var unit in fleet.Units)
        {
            var twin = fleet.Engine(unit)!;
            var last = states.Last("engine-" + unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(twin.Prognosis.CycleCount, last["cycle"]);
            Assert.Equal(twin.Prognosis.Current.RemainingUsefulLifeCycles.Mean, last["rul_cycles"]);
        }

        if (backlog)
        {
            Assert.Equal(TurbofanFixtures.TestSet.Value.RowCount, fleet.Cycles);
        }
    }

    [Fact]
    public async Task RunAsync_OverBudget_ReleasesWaitingEnginesTogether()
    {
        // A backlog of the whole test fleet against 1000 states a second (far fewer than the deliveries a
        // second, even on a loaded machine): after the bucket's first 50 tokens the engines wait, and those released while deliveries keep coming go out together (one
        // pass over the trees for the group), not one at a time as single tokens refill.
        var acknowledged = 0;
        var deliveries = await TestSetDeliveriesAsync(() => acknowledged++);

        var fleet = TurbofanFixtures.NewFleet();
        var states = new CountingPublisher(() => acknowledged);
        var options = new TurbofanLiveOptions { StatePublisher = states, MaxStatesPerSecond = 1000 };
        var result = await TurbofanLiveRun.RunAsync(new ListSource(deliveries, backlog: true), new TurbofanSampleRouter(new TurbofanCycleAssembler(fleet)), options, CancellationToken.None);

        Assert.Equal(deliveries.Count, acknowledged);
        Assert.Equal(states.Count, result.StateUpdates);

        // Group the states by the deliveries acknowledged before them; the bucket's first tokens go out one per delivery.
        var groups = states.Positions.Where(p => p > 100).GroupBy(p => p).Select(g => g.Count()).ToList();
        Assert.NotEmpty(groups);
        Assert.True(groups.Average() >= 4, $"{groups.Count} groups of {groups.Average():F2} states on average after the first bucket");
    }

    [MosquittoFact]
    public async Task RunLiveAsync_OverMosquitto_ReportEqualsTheReplay()
    {
        using var broker = MosquittoProcess.Start(RepoPaths.NewTempFolder("mosquitto"), new MosquittoProcessOptions { Persistence = true });
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
        // States are paced per engine (50 ms by default) and the publisher sends as fast as it can, so
        // there are fewer states than cycles, but every engine's last state is its last cycle's.
        Assert.InRange(states.Count, TurbofanFixtures.TestSet.Value.Engines.Count, TurbofanFixtures.TestSet.Value.RowCount);
        var replayed = TurbofanFixtures.Replay();
        foreach (var engine in replayed.Engines)
        {
            var last = states.Last("engine-" + engine.Unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(engine.Cycles, last["cycle"]);
            Assert.Equal(engine.Last.RemainingUsefulLifeCycles.Mean, last["rul_cycles"]);
        }

        var replay = JsonNode.Parse(File.ReadAllText(Path.Combine(replayFolder, "turbofan-report.json")))!.AsObject();
        var mqtt = JsonNode.Parse(File.ReadAllText(Path.Combine(mqttFolder, "turbofan-report.json")))!.AsObject();
        _ = replay.Remove("replay_seconds");
        _ = mqtt.Remove("replay_seconds");
        Assert.Equal(replay["rul"]!.ToJsonString(), mqtt["rul"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(replay, mqtt), "the report over MQTT differs from the replay's");
    }

    /// <summary>The FD001 test fleet as deliveries, one per engine cycle, in SI; <paramref name="acknowledged"/> runs on each acknowledgement.</summary>
    private static async Task<List<SensorDelivery>> TestSetDeliveriesAsync(Action acknowledged)
    {
        var converter = new SensorMessageConverter(null, SensorIdMode.TwinAndChannel);
        var deliveries = new List<SensorDelivery>();
        await foreach (var batch in new CmapssFeedReader(CmapssPaths.Test).ReadMessagesAsync())
        {
            var samples = new List<SensorSample>();
            var rejections = new List<FeedRejection>();
            converter.Convert(batch, "test", samples, rejections);
            Assert.Empty(rejections);
            deliveries.Add(new SensorDelivery("test", [.. samples], rejections, _ =>
            {
                acknowledged();
                return ValueTask.CompletedTask;
            }));
        }

        return deliveries;
    }

    private sealed class CountingPublisher(Func<int>? position = null) : ITwinStatePublisher
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, double>> _last = [];
        private readonly List<int> _positions = [];
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Per state, in order, what <c>position</c> returned when it was published.</summary>
        public IReadOnlyList<int> Positions => _positions;

        public IReadOnlyDictionary<string, double> Last(string twin)
        {
            lock (_last)
            {
                return _last[twin];
            }
        }

        public ValueTask PublishAsync(TwinStateUpdate update, CancellationToken cancellationToken = default)
        {
            Assert.StartsWith("engine-", update.Twin, StringComparison.Ordinal);
            Assert.True(update.Values["rul_cycles"] >= 0);
            lock (_last)
            {
                // One feeding loop publishes, so an engine's states arrive in cycle order.
                Assert.True(!_last.TryGetValue(update.Twin, out var before) || before["cycle"] < update.Values["cycle"]);
                _last[update.Twin] = update.Values;
                if (position is not null)
                {
                    _positions.Add(position());
                }
            }

            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ListSource(IReadOnlyList<SensorDelivery> deliveries, bool backlog) : IAcknowledgedSensorSource
    {
        public string Description => "list";

        public async IAsyncEnumerable<SensorDelivery> ReadDeliveriesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var d in deliveries)
            {
                if (!backlog)
                {
                    await Task.Delay(1, cancellationToken);
                }

                yield return d;
            }
        }

        public IAsyncEnumerable<SensorSample> ReadAsync(CancellationToken cancellationToken = default) => this.ReadAndAcknowledgeAsync(cancellationToken);
    }
}
