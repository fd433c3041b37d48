using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Server;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

public sealed class SensorHubTests : IAsyncLifetime
{
    private static readonly SceneDefinition Bracket = SceneLoader.Load(RepoPaths.InRepo("scenes", "bracket", "scene.yaml"));
    private SensorServer _server = null!;
    private HubConnection _gateway = null!;

    public async Task InitializeAsync()
    {
        _server = await SensorServer.StartAsync(new SensorServerOptions(), new SensorMessageConverter(Bracket.Sensors));
        _gateway = await ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Publish_Batches_SourceReceivesThemInSI()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var b = 0; b < 5; b++)
        {
            var result = await _gateway.InvokeAsync<PublishResult>("Publish", TestMessages.Gauge(b * 200, 200), timeout.Token);
            Assert.Equal(200, result.Accepted);
            Assert.True(result.AllAccepted);
        }

        var samples = await Take(_server.Source.ReadAsync(timeout.Token), 1000);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), samples.Select(s => s.Sequence));
        Assert.All(samples, s => Assert.Equal("SG1", s.Sensor));
        Assert.Equal(123e-6, samples[123].ValueSI, 15);
        Assert.Equal(5, _server.Source.Counters.Payloads);
    }

    [Fact]
    public async Task Publish_MalformedBatches_RejectedWithReasonsAndTheConnectionStaysUp()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // Typed batch with semantic faults: each named by index.
        var good = TestMessages.Gauge(0, 1)[0];
        SensorMessage[] mixed =
        [
            good,
            good with { Unit = "furlongs", Sequence = 1 },
            good with { Quality = (SampleQuality)9, Sequence = 2 },
            good with { Channel = "SG9", Sequence = 3 },
            good with { Twin = "bracket-B", Sequence = 4 },
            good with { Sequence = 5 },
        ];
        var typed = await _gateway.InvokeAsync<PublishResult>("Publish", mixed, timeout.Token);
        Assert.Equal(2, typed.Accepted);
        Assert.Equal([1, 2, 3, 4], typed.Rejections.Select(r => r.Index));
        Assert.Contains("furlongs", typed.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("quality 9", typed.Rejections[1].Reason, StringComparison.Ordinal);
        Assert.Contains("no sensor 'SG9'", typed.Rejections[2].Reason, StringComparison.Ordinal);
        Assert.Contains("bracket-A", typed.Rejections[3].Reason, StringComparison.Ordinal);

        // Raw payloads in the MQTT format: garbage and truncation are rejected whole.
        var garbage = await _gateway.InvokeAsync<PublishResult>("PublishPayload", new byte[] { 0xC1, 0x02 }, timeout.Token);
        Assert.Equal(0, garbage.Accepted);
        Assert.Contains("MessagePack", Assert.Single(garbage.Rejections).Reason, StringComparison.Ordinal);
        var cut = await _gateway.InvokeAsync<PublishResult>("PublishPayload", SensorMessageCodec.EncodeBatch(TestMessages.Gauge(6, 3))[..^2], timeout.Token);
        Assert.Contains("truncated", Assert.Single(cut.Rejections).Reason, StringComparison.Ordinal);

        // An argument that cannot be bound to SensorMessage[] fails that call only.
        await Assert.ThrowsAsync<HubException>(() => _gateway.InvokeAsync<PublishResult>("Publish", "not a batch", timeout.Token));
        await Assert.ThrowsAsync<HubException>(() => _gateway.InvokeAsync<PublishResult>("Publish", new[] { new[] { 1, 2, 3 } }, timeout.Token));

        // The same connection still delivers.
        var later = await _gateway.InvokeAsync<PublishResult>("PublishPayload", SensorMessageCodec.EncodeBatch(TestMessages.Gauge(10, 3)), timeout.Token);
        Assert.Equal(3, later.Accepted);
        Assert.Equal(HubConnectionState.Connected, _gateway.State);

        var samples = await Take(_server.Source.ReadAsync(timeout.Token), 5);
        Assert.Equal([0L, 5, 10, 11, 12], samples.Select(s => s.Sequence));
        Assert.Equal(4, _server.Source.Counters.RejectedMessages);
        Assert.Equal(2, _server.Source.Counters.RejectedPayloads);
    }

    [Fact]
    public async Task SubscribeState_RuntimePublishes_SubscriberReceivesItsTwinOnly()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var viewer = await ConnectAsync();
        var received = new List<TwinStateUpdate>();
        var got = new TaskCompletionSource<TwinStateUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.On<TwinStateUpdate[]>(SensorHub.TwinStatesChangedMethod, batch => Array.ForEach(batch, u =>
        {
            lock (received)
            {
                received.Add(u);
            }

            if (u.Twin == "bracket-A")
            {
                got.TrySetResult(u);
            }
        }));
        await viewer.InvokeAsync("SubscribeState", "bracket-A", timeout.Token);

        await _server.StatePublisher.PublishAsync(new TwinStateUpdate("runway", 1, new Dictionary<string, double> { ["load_N"] = 1 }), timeout.Token);
        var state = new TwinStateUpdate("bracket-A", TestMessages.Start.UtcTicks, new Dictionary<string, double> { ["modulus_Pa"] = 2.07e11, ["load_N"] = 2500 });
        await _server.StatePublisher.PublishAsync(state, timeout.Token);

        var pushed = await got.Task.WaitAsync(timeout.Token);
        Assert.Equal(state.TimestampUtcTicks, pushed.TimestampUtcTicks);
        Assert.Equal(2.07e11, pushed.Values["modulus_Pa"]);
        Assert.Equal(2500, pushed.Values["load_N"]);
        lock (received)
        {
            Assert.DoesNotContain(received, u => u.Twin == "runway");
        }
    }

    [Fact]
    public async Task SubscribeState_TwinAndAllTwins_EachUpdateArrivesOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var both = await ConnectAsync();
        await using var single = await ConnectAsync();
        var toBoth = new List<TwinStateUpdate>();
        var toSingle = new List<TwinStateUpdate>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        both.On<TwinStateUpdate[]>(SensorHub.TwinStatesChangedMethod, batch => Array.ForEach(batch, u =>
        {
            lock (toBoth)
            {
                toBoth.Add(u);
            }

            if (u.Twin == "end")
            {
                last.TrySetResult();
            }
        }));
        single.On<TwinStateUpdate[]>(SensorHub.TwinStatesChangedMethod, batch => Array.ForEach(batch, u =>
        {
            lock (toSingle)
            {
                toSingle.Add(u);
            }
        }));
        await both.InvokeAsync("SubscribeState", "bracket-A", timeout.Token);
        await both.InvokeAsync("SubscribeState", SensorHub.AllTwins, timeout.Token);
        await single.InvokeAsync("SubscribeState", "bracket-A", timeout.Token);

        for (var k = 1; k <= 3; k++)
        {
            await _server.StatePublisher.PublishAsync(new TwinStateUpdate("bracket-A", k, new Dictionary<string, double> { ["load_N"] = k }), timeout.Token);
        }

        await _server.StatePublisher.PublishAsync(new TwinStateUpdate("runway", 4, new Dictionary<string, double> { ["load_N"] = 4 }), timeout.Token);

        // Unsubscribed from every twin, the first viewer gets its own twin again, once.
        await _server.StatePublisher.PublishAsync(new TwinStateUpdate("end", 5, new Dictionary<string, double> { ["load_N"] = 0 }), timeout.Token);
        await last.Task.WaitAsync(timeout.Token);
        await both.InvokeAsync("UnsubscribeState", SensorHub.AllTwins, timeout.Token);
        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        both.On<TwinStateUpdate[]>(SensorHub.TwinStatesChangedMethod, batch => Array.ForEach(batch, u =>
        {
            if (u.TimestampUtcTicks == 6)
            {
                again.TrySetResult();
            }
        }));
        await _server.StatePublisher.PublishAsync(new TwinStateUpdate("bracket-A", 6, new Dictionary<string, double> { ["load_N"] = 6 }), timeout.Token);
        await again.Task.WaitAsync(timeout.Token);
        await Task.Delay(200, timeout.Token);

        lock (toBoth)
        {
            Assert.Equal([1L, 2, 3, 4, 5, 6], toBoth.Select(u => u.TimestampUtcTicks));
        }

        lock (toSingle)
        {
            Assert.Equal([1L, 2, 3, 6], toSingle.Select(u => u.TimestampUtcTicks));
        }
    }

    [Fact]
    public async Task StateBurst_ArrivesInOrder_InBatchesOfAtMostMaxBatch()
    {
        const int count = 1000;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var viewer = await ConnectAsync();
        var messages = new List<int>();
        var received = new List<long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.On<TwinStateUpdate[]>(SensorHub.TwinStatesChangedMethod, batch =>
        {
            lock (received)
            {
                messages.Add(batch.Length);
                received.AddRange(batch.Select(u => u.TimestampUtcTicks));
                if (received.Count == count)
                {
                    done.TrySetResult();
                }
            }
        });
        await viewer.InvokeAsync("SubscribeState", SensorHub.AllTwins, timeout.Token);

        // A fleet's worth of updates at once, more than fit in one message.
        for (var k = 0; k < count; k++)
        {
            await _server.StatePublisher.PublishAsync(new TwinStateUpdate($"engine-{k % 100}", k, new Dictionary<string, double> { ["cycle"] = k }), timeout.Token);
        }

        await done.Task.WaitAsync(timeout.Token);
        lock (received)
        {
            Assert.Equal(Enumerable.Range(0, count).Select(k => (long)k), received);
            Assert.All(messages, n => Assert.InRange(n, 1, HubTwinStatePublisher.MaxBatch));
            Assert.True(messages.Count < count / 10, $"{messages.Count} messages for {count} updates");
        }
    }

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(_server.HubUrl)
            .AddMessagePackProtocol(o => o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task<List<SensorSample>> Take(IAsyncEnumerable<SensorSample> samples, int count)
    {
        var list = new List<SensorSample>(count);
        await foreach (var s in samples)
        {
            list.Add(s);
            if (list.Count == count)
            {
                break;
            }
        }

        return list;
    }
}
