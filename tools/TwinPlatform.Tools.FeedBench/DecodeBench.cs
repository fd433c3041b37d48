using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// The receive path's decoding on its own: the turbofan workload's payloads (24 samples each) through
/// <see cref="SensorPayloadReader"/> as the MQTT source reads them (one buffer: the direct decoder) and split
/// over two buffers (the general MessagePack reader), and the converter alone on typed messages whose names are
/// fresh strings (the hub's typed path), alternating in rounds, nanoseconds per payload.
/// </summary>
internal static class DecodeBench
{
    public static async Task<string> RunAsync(string testFile, double seconds, CancellationToken ct)
    {
        var payloads = new List<byte[]>();
        var ticks = DateTime.UtcNow.Ticks;
        await foreach (var batch in new CmapssFeedReader(testFile).ReadMessagesAsync(ct))
        {
            var stamped = batch.ToArray();
            for (var k = 0; k < stamped.Length; k++)
            {
                stamped[k] = stamped[k] with { TimestampUtcTicks = ticks };
            }

            payloads.Add(SensorMessageCodec.EncodeBatch(stamped));
            if (payloads.Count == 2000)
            {
                break;
            }
        }

        // The hub's typed path: messages already decoded by SignalR, every name a fresh string instance.
        var typed = payloads.Select(p =>
        {
            var messages = new List<SensorMessage>();
            _ = new SensorMessageCodec().Decode(p, "bench", messages, []);
            return messages.Select(m => m with { Twin = new string(m.Twin.AsSpan()), Channel = new string(m.Channel.AsSpan()), Unit = new string(m.Unit.AsSpan()) }).ToArray();
        }).ToArray();
        var direct = payloads.Select(p => new ReadOnlySequence<byte>(p)).ToArray();
        var general = payloads.Select(Split).ToArray();
        var rounds = 10;
        var directNs = new List<double>();
        var generalNs = new List<double>();
        var typedNs = new List<double>();
        for (var r = 0; r < rounds + 1; r++)
        {
            var d = TimeReader(direct, seconds / (3 * rounds));
            var g = TimeReader(general, seconds / (3 * rounds));
            var t = TimeConverter(typed, seconds / (3 * rounds));
            if (r > 0)
            {
                // The first round warms up (JIT tiers, name caches) and is not counted.
                directNs.Add(d);
                generalNs.Add(g);
                typedNs.Add(t);
            }
        }

        directNs.Sort();
        generalNs.Sort();
        typedNs.Sort();
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            | reader | payloads | ns per payload (median of {rounds} rounds) | fastest round | ns per sample |
            |---|---|---|---|---|
            | general MessagePack reader (payload in two buffers) | {payloads.Count} | {generalNs[rounds / 2]:F0} | {generalNs[0]:F0} | {generalNs[rounds / 2] / 24:F0} |
            | direct decoder (payload in one buffer, as the MQTT source reads it) | {payloads.Count} | {directNs[rounds / 2]:F0} | {directNs[0]:F0} | {directNs[rounds / 2] / 24:F0} |
            | converter only, typed messages with fresh name strings (the hub's typed path) | {payloads.Count} | {typedNs[rounds / 2]:F0} | {typedNs[0]:F0} | {typedNs[rounds / 2] / 24:F0} |

            ratio general / direct: {generalNs[rounds / 2] / directNs[rounds / 2]:F2}

            """);
    }

    /// <summary>Nanoseconds per payload of <paramref name="read"/> over <paramref name="payloads"/>, for about <paramref name="seconds"/>.</summary>
    private static double Time<T>(T[] payloads, double seconds, Func<T, List<SensorSample>, List<FeedRejection>, bool> read)
    {
        var samples = new List<SensorSample>(32);
        var rejections = new List<FeedRejection>();
        long n = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var p in payloads)
            {
                samples.Clear();
                if (!read(p, samples, rejections) || samples.Count != 24)
                {
                    throw new InvalidOperationException($"payload not read whole: {string.Join("; ", rejections)}");
                }
            }

            n += payloads.Length;
        }

        return clock.Elapsed.TotalNanoseconds / n;
    }

    private static double TimeReader(ReadOnlySequence<byte>[] payloads, double seconds)
    {
        var reader = new SensorPayloadReader(new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        return Time(payloads, seconds, (p, samples, rejections) => reader.Read(p, "bench", samples, rejections));
    }

    private static double TimeConverter(SensorMessage[][] batches, double seconds)
    {
        var converter = new SensorMessageConverter(null, SensorIdMode.TwinAndChannel);
        return Time(batches, seconds, (b, samples, rejections) =>
        {
            converter.Convert(b, "bench", samples, rejections);
            return true;
        });
    }

    private static ReadOnlySequence<byte> Split(byte[] payload)
    {
        var first = new Segment(payload.AsMemory(0, payload.Length / 2), 0);
        var second = new Segment(payload.AsMemory(payload.Length / 2), payload.Length / 2);
        first.SetNext(second);
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
