using System.Diagnostics;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;
using Xunit.Abstractions;

namespace TwinPlatform.Feeds.Tests;

public sealed class MqttSensorSourceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly MosquittoProcess? _broker = MosquittoProcess.Executable is null ? null : MosquittoProcess.Start(RepoPaths.NewTempFolder("mosquitto"), new MosquittoProcessOptions { Persistence = true });

    public void Dispose() => _broker?.Dispose();

    [MosquittoFact]
    public async Task ReadAsync_PublishedBatches_AllSamplesArriveInSI()
    {
        await using var source = Source("read-all");
        await source.StartAsync(Timeout());
        await using var publisher = Publisher();
        for (var b = 0; b < 10; b++)
        {
            await publisher.PublishAsync(TestMessages.Gauge(b * 100, 100));
        }

        var samples = await Take(source.ReadAsync(Timeout()), 1000);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), samples.Select(s => s.Sequence));
        Assert.Equal(999e-6, samples[^1].ValueSI, 15);
        Assert.Equal(10, source.Counters.Payloads);
        Assert.Equal(0, source.Counters.Rejected);
    }

    [MosquittoFact]
    public async Task Malformed_Payloads_RejectedWithReasonAndLaterSamplesStillArrive()
    {
        await using var source = Source("malformed");
        await source.StartAsync(Timeout());
        await using var publisher = Publisher();
        var topic = MqttTopics.For("bracket", "bracket-A", "SG1");

        await publisher.PublishAsync(TestMessages.Gauge(0, 5));
        await publisher.PublishPayloadAsync(topic, [0xC1, 0xFF, 0x00]);
        await publisher.PublishPayloadAsync(topic, "{\"json\": true}"u8.ToArray());
        await publisher.PublishPayloadAsync(topic, SensorMessageCodec.EncodeBatch(TestMessages.Gauge(5, 5))[..^4]);
        await publisher.PublishAsync(new[] { TestMessages.Gauge(5, 1)[0] with { Unit = "furlongs" } }.Concat(TestMessages.Gauge(6, 4)).ToArray());
        await publisher.PublishAsync(TestMessages.Gauge(10, 5));

        var samples = await Take(source.ReadAsync(Timeout()), 14);

        Assert.Equal(Enumerable.Range(0, 15).Where(i => i != 5).Select(i => (long)i), samples.Select(s => s.Sequence));
        Assert.Equal(3, source.Counters.RejectedPayloads);
        Assert.Equal(1, source.Counters.RejectedMessages);
        var reasons = source.Counters.RecentRejections;
        Assert.Contains(reasons, r => r.Reason.Contains("MessagePack", StringComparison.Ordinal) && r.Origin == topic);
        Assert.Contains(reasons, r => r.Reason.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Index == 0 && r.Reason.Contains("furlongs", StringComparison.Ordinal));
        Assert.True(source.IsSubscribed);
        Assert.Equal(0, source.Counters.Reconnects);
    }

    [MosquittoFact]
    public async Task BrokerKilledAndRestarted_SourceReconnectsAndReceivesLaterSamples()
    {
        await using var source = Source("restart", keepAlive: TimeSpan.FromSeconds(2));
        await source.StartAsync(Timeout());
        await using (var before = Publisher())
        {
            await before.PublishAsync(TestMessages.Gauge(0, 10));
        }

        await using var reading = source.ReadAsync(Timeout()).GetAsyncEnumerator();
        var received = await Take(reading, 10);

        _broker!.Kill();
        await WaitUntil(() => !source.IsSubscribed, "the source to notice the broker is gone");
        _broker.Restart();
        await source.WaitUntilSubscribedAsync(Timeout());

        await using (var after = Publisher())
        {
            await after.PublishAsync(TestMessages.Gauge(10, 10));
        }

        received.AddRange(await Take(reading, 10));
        output.WriteLine(source.Counters.ToString());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), received.Select(s => s.Sequence));
        Assert.True(source.Counters.Reconnects >= 1);
    }

    [MosquittoFact]
    public async Task UnacknowledgedDeliveries_AfterSourceCrash_RedeliveredToNewSourceWithSameClientId()
    {
        const string clientId = "twin-runtime-crash";
        var first = Source(clientId);
        await first.StartAsync(Timeout());
        await using (var publisher = Publisher())
        {
            for (var b = 0; b < 5; b++)
            {
                await publisher.PublishAsync(TestMessages.Gauge(b * 10, 10));
            }
        }

        // The first runtime persists and acknowledges two deliveries, then dies with three in hand.
        var processed = new List<SensorSample>();
        await using (var deliveries = first.ReadDeliveriesAsync(Timeout()).GetAsyncEnumerator())
        {
            for (var b = 0; b < 5; b++)
            {
                Assert.True(await deliveries.MoveNextAsync());
                processed.AddRange(deliveries.Current.Samples.ToArray());
                if (b < 2)
                {
                    await deliveries.Current.AcknowledgeAsync();
                }
            }
        }

        Assert.Equal(2, first.Counters.Acknowledged);
        await first.DisposeAsync();

        await using var second = Source(clientId);
        await second.StartAsync(Timeout());
        var redelivered = await Take(second.ReadAsync(Timeout()), 30);

        Assert.Equal(Enumerable.Range(20, 30).Select(i => (long)i), redelivered.Select(s => s.Sequence));

        // Replayed through conditioning after what the first runtime saw, the repeats are dropped by sequence.
        var conditioner = new FeedConditioner(new FeedConditionerOptions());
        var released = new List<SensorSample>();
        foreach (var s in processed.Concat(redelivered))
        {
            conditioner.Push(s, released);
        }

        conditioner.Flush(released);
        Assert.Equal(50, released.Count);
        Assert.Equal(30, conditioner.Statistics.Duplicates);
    }

    [MosquittoFact]
    public async Task Acknowledgements_HeldWhileMoreDeliveriesWait_AllWrittenOnceTheQueueIsEmpty()
    {
        const int payloads = 20;
        await using var source = Source("held-acks");
        await source.StartAsync(Timeout());
        await using (var publisher = Publisher())
        {
            for (var b = 0; b < payloads; b++)
            {
                await publisher.PublishAsync(TestMessages.Gauge(b * 10, 10));
            }
        }

        var wait = Stopwatch.StartNew();
        while (source.QueueCount < payloads && wait.Elapsed < Patience)
        {
            await Task.Delay(10);
        }

        Assert.Equal(payloads, source.QueueCount);
        await using var deliveries = source.ReadDeliveriesAsync(Timeout()).GetAsyncEnumerator();
        for (var b = 0; b < payloads; b++)
        {
            Assert.True(await deliveries.MoveNextAsync());
            await deliveries.Current.AcknowledgeAsync();

            // Sixteen at most are held; the last delivery, read from an empty queue, takes all with it.
            var expected = b == payloads - 1 ? 0 : (b + 1) % 16;
            Assert.Equal(expected, source.HeldAcknowledgements);
        }

        Assert.Equal(payloads, source.Counters.Acknowledged);
    }

    [MosquittoFact]
    public async Task SlowConsumer_QueueStaysBoundedAndManagedMemoryFlat()
    {
        const int batches = 2000, perBatch = 100, warmUp = 50;
        await using var source = Source("slow", receiveMaximum: 32, queueCapacity: 32);
        await source.StartAsync(Timeout());
        await using var publisher = Publisher();
        await using var reading = source.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(45)).Token).GetAsyncEnumerator();

        // Warm up both ends (connections, buffers, code) before taking the baseline.
        for (var b = 0; b < warmUp; b++)
        {
            await publisher.PublishAsync(TestMessages.Gauge((long)b * perBatch, perBatch));
        }

        Assert.Equal(warmUp * perBatch, (await Take(reading, warmUp * perBatch)).Count);
        var baseline = Settle();
        var peak = baseline;
        var clock = Stopwatch.StartNew();
        long count = warmUp * perBatch, expectedNext = count, outOfOrder = 0;

        // The consumer sleeps while 195 000 samples are published: they must wait in the broker.
        for (var b = warmUp; b < batches; b++)
        {
            await publisher.PublishAsync(TestMessages.Gauge((long)b * perBatch, perBatch));
            if (b % 250 == 0)
            {
                peak = Math.Max(peak, Probe("publishing", b - warmUp));
            }
        }

        peak = Math.Max(peak, Probe("published", batches - warmUp));
        Assert.True(source.Counters.Payloads <= warmUp + 32 + 1, $"the source took {source.Counters.Payloads - warmUp} payloads while its consumer slept");

        // The consumer wakes and drains the backlog.
        while (count < (long)batches * perBatch && await reading.MoveNextAsync())
        {
            outOfOrder += reading.Current.Sequence == expectedNext ? 0 : 1;
            expectedNext = reading.Current.Sequence + 1;
            if (++count % 25_000 == 0)
            {
                peak = Math.Max(peak, Probe("draining", batches - warmUp));
            }
        }

        var growth = peak - baseline;
        output.WriteLine($"{count} samples; queue high water {source.Counters.QueueHighWater}/{source.QueueCapacity}; managed heap {baseline / 1e6:F2} MB -> peak {peak / 1e6:F2} MB (+{growth / 1e6:F2} MB)");
        Assert.Equal((long)batches * perBatch, count);
        Assert.Equal(0, outOfOrder);
        Assert.Equal(0, source.Counters.Dropped);
        Assert.True(source.Counters.QueueHighWater <= source.QueueCapacity);

        // Held in this process, the 195 000-sample backlog would take about 8 MB as samples (40 bytes
        // each) plus about 9 MB of payloads; bounded, at most 32 + 32 deliveries of 100 samples are in hand (~0.5 MB).
        Assert.True(growth < 2_000_000, $"managed heap grew by {growth / 1e6:F2} MB over the warmed-up baseline");

        long Probe(string phase, int published)
        {
            var heap = Settle();
            output.WriteLine($"t={clock.Elapsed.TotalSeconds:F2} s {phase}: published {published * perBatch}, consumed {count - (warmUp * perBatch)}, queue {source.QueueCount}, heap {heap / 1e6:F2} MB");
            return heap;
        }
    }

    /// <summary>Live managed bytes: what survived a full blocking collection.</summary>
    /// <remarks>
    /// Not <see cref="GC.GetTotalMemory"/>: it subtracts the unused part of every thread's allocation
    /// context, and with the source's receive thread blocked in a wait it was seen to report less than
    /// nothing (-0.9 MB), which made a flat heap look as if it grew.
    /// </remarks>
    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).PromotedBytes;
    }

    private MqttSensorSource Source(string clientId, TimeSpan? keepAlive = null, ushort receiveMaximum = 64, int queueCapacity = 64) =>
        new(
            new MqttSensorSourceOptions
            {
                Port = _broker!.Port,
                ClientId = clientId,
                TopicFilter = MqttTopics.SceneFilter("bracket"),
                KeepAlive = keepAlive ?? TimeSpan.FromSeconds(15),
                ReceiveMaximum = receiveMaximum,
                QueueCapacity = queueCapacity,
                ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
            },
            new SensorMessageConverter());

    private MqttSensorPublisher Publisher() => new(new MqttSensorPublisherOptions { Port = _broker!.Port, Scene = "bracket" });

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    private static async Task<List<SensorSample>> Take(IAsyncEnumerable<SensorSample> samples, int count)
    {
        await using var e = samples.GetAsyncEnumerator();
        return await Take(e, count);
    }

    private static async Task<List<SensorSample>> Take(IAsyncEnumerator<SensorSample> samples, int count)
    {
        var list = new List<SensorSample>(count);
        while (list.Count < count && await samples.MoveNextAsync())
        {
            list.Add(samples.Current);
        }

        return list;
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(50);
        }
    }
}
