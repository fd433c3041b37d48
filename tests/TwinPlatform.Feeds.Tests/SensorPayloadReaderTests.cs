using System.Buffers;
using System.Buffers.Binary;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

/// <summary>
/// The payload reader decodes a contiguous batch straight from its bytes and leaves everything else to the
/// general MessagePack reader. A payload split over two buffers always takes the general reader, so reading
/// the same bytes both ways must give the same samples, the same rejections and the same verdict.
/// </summary>
public sealed class SensorPayloadReaderTests
{
    private static readonly string[] Units = ["microstrain", "kN", "mm", "degC", "lb/s/psi", "%", "furlong", string.Empty];

    [Fact]
    public void Read_BatchesInEveryEncoding_SameAsTheGeneralReader()
    {
        // Strings as fixstr, str8, str16 and str32; integers in their shortest and in longer forms, negative ones
        // included; values as float64, float32, integers and nil; qualities 0-3 (3 is rejected by the converter);
        // unknown and empty units (rejected by the converter).
        var random = new Random(20261124);
        var fast = new SensorPayloadReader(new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        var general = new SensorPayloadReader(new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        var accepted = 0;
        for (var trial = 0; trial < 400; trial++)
        {
            var payload = RandomBatch(random, random.Next(1, 40));
            accepted += AssertSameBothWays(fast, general, payload);
        }

        Assert.True(accepted > 2000, $"only {accepted} samples accepted: the trials hardly reach the decoder's accepting path");
    }

    [Fact]
    public void Read_DamagedBatches_SameVerdictAndRejectionsAsTheGeneralReader()
    {
        // Truncations, changed bytes and trailing bytes of valid batches, and a single message and an empty batch.
        var random = new Random(7);
        var fast = new SensorPayloadReader(new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        var general = new SensorPayloadReader(new SensorMessageConverter(null, SensorIdMode.TwinAndChannel));
        for (var trial = 0; trial < 3000; trial++)
        {
            var payload = RandomBatch(random, random.Next(1, 6));
            switch (trial % 3)
            {
                case 0:
                    payload = payload[..random.Next(1, payload.Length)];
                    break;
                case 1:
                    payload[random.Next(payload.Length)] = (byte)random.Next(256);
                    break;
                default:
                    payload = [.. payload, (byte)random.Next(256)];
                    break;
            }

            _ = AssertSameBothWays(fast, general, payload);
        }

        var single = SensorMessageCodec.Encode(new SensorMessage("twin", "channel", 1, 2.5, "kN", SampleQuality.Good, 3));
        Assert.Equal(1, AssertSameBothWays(fast, general, single));
        Assert.Equal(0, AssertSameBothWays(fast, general, [0x90]));
    }

    [Theory]
    [InlineData(0xdb, 0xff, 0xff, 0xff, 0xf0)]
    [InlineData(0xdb, 0x80, 0x00, 0x00, 0x00)]
    [InlineData(0xda, 0xff, 0xff)]
    public void Read_StringLengthBeyondThePayload_RejectedWholeWithoutThrowing(params int[] header)
    {
        // A batch of one message whose twin id claims more bytes than follow, in one buffer and in two.
        byte[] payload = [0x91, 0x97, .. header.Select(b => (byte)b), 0x61, 0x62];
        foreach (var sequence in new[] { new ReadOnlySequence<byte>(payload), TwoSegments(payload) })
        {
            var samples = new List<SensorSample>();
            var rejections = new List<FeedRejection>();

            Assert.False(new SensorPayloadReader(new SensorMessageConverter()).Read(sequence, "test", samples, rejections));

            Assert.Empty(samples);
            Assert.Equal(-1, Assert.Single(rejections).Index);
        }
    }

    [Fact]
    public void Read_BatchLongerThanTheLimit_RejectedWhole()
    {
        var reader = new SensorPayloadReader(new SensorMessageConverter(), maxBatchSize: 3);
        var batch = Enumerable.Range(0, 4).Select(i => new SensorMessage("twin", "ch", 1, i, "kN", SampleQuality.Good, i)).ToArray();
        var samples = new List<SensorSample>();
        var rejections = new List<FeedRejection>();

        Assert.False(reader.Read(SensorMessageCodec.EncodeBatch(batch), "test", samples, rejections));

        Assert.Empty(samples);
        Assert.Equal(-1, Assert.Single(rejections).Index);
        Assert.Contains("exceeds the limit of 3", Assert.Single(rejections).Reason, StringComparison.Ordinal);
    }

    /// <summary>Reads <paramref name="payload"/> in one buffer and in two; asserts equal results; returns the samples accepted.</summary>
    private static int AssertSameBothWays(SensorPayloadReader fast, SensorPayloadReader general, byte[] payload)
    {
        var fastSamples = new List<SensorSample>();
        var fastRejections = new List<FeedRejection>();
        var fastOk = fast.Read(new ReadOnlySequence<byte>(payload), "test", fastSamples, fastRejections);

        var generalSamples = new List<SensorSample>();
        var generalRejections = new List<FeedRejection>();
        var generalOk = general.Read(TwoSegments(payload), "test", generalSamples, generalRejections);

        Assert.Equal(generalOk, fastOk);
        Assert.Equal(generalSamples, fastSamples);
        Assert.Equal(generalRejections, fastRejections);
        return fastSamples.Count;
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] payload)
    {
        if (payload.Length < 2)
        {
            // One byte cannot be split; the fast path refuses anything this short anyway.
            return new ReadOnlySequence<byte>(payload);
        }

        var cut = payload.Length / 2;
        var first = new Segment(payload.AsMemory(0, cut), 0);
        var second = first.Append(payload.AsMemory(cut));
        var sequence = new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
        Assert.False(sequence.IsSingleSegment);
        return sequence;
    }

    private static byte[] RandomBatch(Random random, int count)
    {
        var output = new List<byte>();
        WriteArrayHeader(output, count, random);
        for (var i = 0; i < count; i++)
        {
            output.Add(0x97);
            WriteString(output, "engine-" + random.Next(3), random);
            WriteString(output, random.Next(20) == 0 ? new string('s', random.Next(200, 400)) : "s" + random.Next(25), random);
            WriteInteger(output, random.Next(10) == 0 ? -random.Next(1, 1000) : random.NextInt64(0, DateTime.MaxValue.Ticks), random);
            switch (random.Next(5))
            {
                case 0:
                    output.Add(0xc0);
                    break;
                case 1:
                    output.Add(0xca);
                    Append(output, 4, span => BinaryPrimitives.WriteSingleBigEndian(span, (float)(random.NextDouble() * 100)));
                    break;
                case 2:
                    WriteInteger(output, random.Next(-100, 100), random);
                    break;
                default:
                    output.Add(0xcb);
                    Append(output, 8, span => BinaryPrimitives.WriteDoubleBigEndian(span, (random.NextDouble() - 0.5) * 1e6));
                    break;
            }

            WriteString(output, Units[random.Next(Units.Length)], random);
            WriteInteger(output, random.Next(20) == 0 ? 3 : random.Next(3), random);
            if (random.Next(50) == 0)
            {
                // Beyond the signed 64-bit range: the whole payload is rejected.
                output.Add(0xcf);
                Append(output, 8, span => BinaryPrimitives.WriteUInt64BigEndian(span, ulong.MaxValue - (ulong)random.Next(1000)));
            }
            else
            {
                WriteInteger(output, random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64), random);
            }
        }

        return [.. output];
    }

    private static void WriteArrayHeader(List<byte> output, int count, Random random)
    {
        switch (count < 16 ? random.Next(3) : 1 + random.Next(2))
        {
            case 0:
                output.Add((byte)(0x90 | count));
                break;
            case 1:
                output.Add(0xdc);
                Append(output, 2, span => BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)count));
                break;
            default:
                output.Add(0xdd);
                Append(output, 4, span => BinaryPrimitives.WriteUInt32BigEndian(span, (uint)count));
                break;
        }
    }

    private static void WriteString(List<byte> output, string text, Random random)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        switch (bytes.Length < 32 ? random.Next(4) : 1 + random.Next(3))
        {
            case 0:
                output.Add((byte)(0xa0 | bytes.Length));
                break;
            case 1 when bytes.Length < 256:
                output.Add(0xd9);
                output.Add((byte)bytes.Length);
                break;
            case 1:
            case 2:
                output.Add(0xda);
                Append(output, 2, span => BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)bytes.Length));
                break;
            default:
                output.Add(0xdb);
                Append(output, 4, span => BinaryPrimitives.WriteUInt32BigEndian(span, (uint)bytes.Length));
                break;
        }

        output.AddRange(bytes);
    }

    private static void WriteInteger(List<byte> output, long value, Random random)
    {
        // The shortest form, or a longer one that still holds the value.
        var forms = new List<Action>();
        if (value is >= 0 and <= 0x7f)
        {
            forms.Add(() => output.Add((byte)value));
        }

        if (value is >= -32 and < 0)
        {
            forms.Add(() => output.Add((byte)(sbyte)value));
        }

        if (value is >= 0 and <= byte.MaxValue)
        {
            forms.Add(() => { output.Add(0xcc); output.Add((byte)value); });
        }

        if (value is >= 0 and <= ushort.MaxValue)
        {
            forms.Add(() => { output.Add(0xcd); Append(output, 2, s => BinaryPrimitives.WriteUInt16BigEndian(s, (ushort)value)); });
        }

        if (value is >= 0 and <= uint.MaxValue)
        {
            forms.Add(() => { output.Add(0xce); Append(output, 4, s => BinaryPrimitives.WriteUInt32BigEndian(s, (uint)value)); });
        }

        if (value >= 0)
        {
            forms.Add(() => { output.Add(0xcf); Append(output, 8, s => BinaryPrimitives.WriteUInt64BigEndian(s, (ulong)value)); });
        }

        if (value is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            forms.Add(() => { output.Add(0xd0); output.Add((byte)(sbyte)value); });
        }

        if (value is >= short.MinValue and <= short.MaxValue)
        {
            forms.Add(() => { output.Add(0xd1); Append(output, 2, s => BinaryPrimitives.WriteInt16BigEndian(s, (short)value)); });
        }

        if (value is >= int.MinValue and <= int.MaxValue)
        {
            forms.Add(() => { output.Add(0xd2); Append(output, 4, s => BinaryPrimitives.WriteInt32BigEndian(s, (int)value)); });
        }

        forms.Add(() => { output.Add(0xd3); Append(output, 8, s => BinaryPrimitives.WriteInt64BigEndian(s, value)); });
        forms[random.Next(forms.Count)]();
    }

    private static void Append(List<byte> output, int length, SpanAction write)
    {
        Span<byte> buffer = stackalloc byte[length];
        write(buffer);
        output.AddRange(buffer);
    }

    private delegate void SpanAction(Span<byte> span);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
