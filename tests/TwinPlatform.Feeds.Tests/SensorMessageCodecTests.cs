using System.Buffers;
using MessagePack;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

public sealed class SensorMessageCodecTests
{
    private static readonly string[] Units = ["microstrain", "kN", "mm", "m", "MPa", "degC", "lb/s/psi", "%"];

    [Fact]
    public void EncodeBatch_RandomMessages_DecodeReturnsThemExactly()
    {
        // Property: decode(encode(batch)) == batch, over random names, times, values and flags.
        var random = new Random(20261102);
        var codec = new SensorMessageCodec();
        for (var trial = 0; trial < 200; trial++)
        {
            var batch = new SensorMessage[random.Next(0, 50)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = RandomMessage(random);
            }

            var messages = new List<SensorMessage>();
            var rejections = new List<FeedRejection>();
            Assert.True(codec.Decode(SensorMessageCodec.EncodeBatch(batch), "test", messages, rejections));
            Assert.Empty(rejections);
            Assert.Equal(batch.Length, messages.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                AssertSame(batch[i], messages[i]);
            }
        }
    }

    [Fact]
    public void Encode_SingleMessage_DecodesAsOneMessageOfSevenFields()
    {
        var m = new SensorMessage("runway", "payload", TestMessages.Start.UtcTicks, 12.5, "kN", SampleQuality.Uncertain, 42);
        var bytes = SensorMessageCodec.Encode(m);

        var reader = new MessagePackReader(bytes);
        Assert.Equal(SensorMessage.FieldCount, reader.ReadArrayHeader());
        Assert.Equal("runway", reader.ReadString());

        var messages = new List<SensorMessage>();
        Assert.True(new SensorMessageCodec().Decode(bytes, "test", messages, []));
        AssertSame(m, Assert.Single(messages));
    }

    [Fact]
    public void Decode_NilValue_IsNaN()
    {
        var bytes = Build((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(7);
            w.Write("bracket-A");
            w.Write("SG1");
            w.Write(TestMessages.Start.UtcTicks);
            w.WriteNil();
            w.Write("microstrain");
            w.Write((byte)0);
            w.Write(1L);
        });
        var messages = new List<SensorMessage>();
        Assert.True(new SensorMessageCodec().Decode(bytes, "test", messages, []));
        Assert.True(double.IsNaN(Assert.Single(messages).Value));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("trailing")]
    [InlineData("map")]
    [InlineData("too-large")]
    public void Decode_UnreadablePayload_RejectedWholeWithReason(string fault)
    {
        var good = SensorMessageCodec.EncodeBatch(TestMessages.Gauge(0, 20));
        byte[] payload = fault switch
        {
            "empty" => [],
            "garbage" => [0xC1, 0x00, 0x13, 0x37],
            "truncated" => good[..^5],
            "trailing" => [.. good, 0x01],
            "map" => Build((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write("twin"); w.Write("x"); }),
            _ => good,
        };
        var codec = new SensorMessageCodec(maxBatchSize: fault == "too-large" ? 10 : 10_000);
        var messages = new List<SensorMessage>();
        var rejections = new List<FeedRejection>();

        Assert.False(codec.Decode(payload, "gw1", messages, rejections));

        Assert.Empty(messages);
        var r = Assert.Single(rejections);
        Assert.Equal(-1, r.Index);
        Assert.Equal("gw1", r.Origin);
        var expected = fault switch
        {
            "empty" => "empty",
            "garbage" => "MessagePack",
            "truncated" => "truncated",
            "trailing" => "trailing",
            "map" => "expected an array",
            _ => "exceeds the limit",
        };
        Assert.Contains(expected, r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BatchWithBadMessages_KeepsGoodOnesAndNamesEachBadIndex()
    {
        var batch = Build((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(8);
            Good(ref w, 0);
            // 1: wrong arity
            w.WriteArrayHeader(3);
            w.Write("bracket-A");
            w.Write("SG1");
            w.Write(1L);
            // 2: value is a string
            Fields(ref w, value: (ref MessagePackWriter v) => v.Write("12.5"));
            // 3: unknown unit
            Fields(ref w, unit: "furlongs");
            // 4: quality out of range
            Fields(ref w, quality: 7);
            // 5: empty twin
            Fields(ref w, twin: string.Empty);
            // 6: not an array at all
            w.Write(42);
            Good(ref w, 7);
        });
        var messages = new List<SensorMessage>();
        var rejections = new List<FeedRejection>();

        Assert.True(new SensorMessageCodec().Decode(batch, "gw1", messages, rejections));

        Assert.Equal([0L, 7L], messages.Select(m => m.Sequence));
        Assert.Equal([1, 2, 3, 4, 5, 6], rejections.Select(r => r.Index));
        Assert.Contains("7 fields", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("value must be a number", rejections[1].Reason, StringComparison.Ordinal);
        Assert.Contains("unknown unit 'furlongs'", rejections[2].Reason, StringComparison.Ordinal);
        Assert.Contains("quality 7", rejections[3].Reason, StringComparison.Ordinal);
        Assert.Contains("twin is empty", rejections[4].Reason, StringComparison.Ordinal);
        Assert.Contains("array of 7", rejections[5].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SequenceBeyondInt64_Rejected()
    {
        var bytes = Build((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            Fields(ref w, sequence: ulong.MaxValue);
        });
        var rejections = new List<FeedRejection>();
        Assert.True(new SensorMessageCodec().Decode(bytes, "gw1", [], rejections));
        Assert.Contains("signed 64-bit", Assert.Single(rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_WithSensorWireResolver_RoundTripsWireTypes()
    {
        var options = SensorWireResolver.Options;
        var batch = TestMessages.Gauge(5, 3);
        var bytes = MessagePackSerializer.Serialize(batch, options);
        Assert.Equal(SensorMessageCodec.EncodeBatch(batch), bytes);
        Assert.Equal(batch, MessagePackSerializer.Deserialize<SensorMessage[]>(bytes, options));

        var result = new PublishResult(3, [new FeedRejection("hub", 2, "unknown unit 'x'")]);
        var back = MessagePackSerializer.Deserialize<PublishResult>(MessagePackSerializer.Serialize(result, options), options)!;
        Assert.Equal(3, back.Accepted);
        Assert.Equal((2, "unknown unit 'x'"), (back.Rejections[0].Index, back.Rejections[0].Reason));

        var state = new TwinStateUpdate("bracket-A", 123, new Dictionary<string, double> { ["modulus_Pa"] = 2.1e11, ["load_N"] = 500 });
        var stateBack = MessagePackSerializer.Deserialize<TwinStateUpdate>(MessagePackSerializer.Serialize(state, options), options)!;
        Assert.Equal(state.Twin, stateBack.Twin);
        Assert.Equal(state.TimestampUtcTicks, stateBack.TimestampUtcTicks);
        Assert.Equal(state.Values["modulus_Pa"], stateBack.Values["modulus_Pa"]);
        Assert.Equal(2, stateBack.Values.Count);
    }

    [Fact]
    public void Formatter_WrongShape_ThrowsSerializationExceptionWithReason()
    {
        var bytes = Build((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteArrayHeader(2);
            w.Write("a");
            w.Write("b");
        });
        var e = Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize<SensorMessage[]>(bytes, SensorWireResolver.Options));
        Assert.Contains("7 fields", e.ToString(), StringComparison.Ordinal);
    }

    private static SensorMessage RandomMessage(Random random)
    {
        var value = random.Next(10) switch
        {
            0 => double.NaN,
            1 => double.PositiveInfinity,
            2 => -0.0,
            _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 12)),
        };
        return new SensorMessage(
            "twin-" + random.Next(5) + (random.Next(4) == 0 ? "-Ω" : string.Empty),
            "ch" + random.Next(100),
            random.NextInt64(0, DateTime.MaxValue.Ticks),
            value,
            Units[random.Next(Units.Length)],
            (SampleQuality)random.Next(3),
            random.NextInt64(long.MinValue, long.MaxValue));
    }

    private static void AssertSame(SensorMessage expected, SensorMessage actual)
    {
        Assert.Equal(expected.Twin, actual.Twin);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.TimestampUtcTicks, actual.TimestampUtcTicks);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Value), BitConverter.DoubleToInt64Bits(actual.Value));
        Assert.Equal(expected.Unit, actual.Unit);
        Assert.Equal(expected.Quality, actual.Quality);
        Assert.Equal(expected.Sequence, actual.Sequence);
    }

    private delegate void Writes(ref MessagePackWriter writer);

    private static byte[] Build(Writes write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Good(ref MessagePackWriter w, long seq) =>
        SensorMessageCodec.Write(ref w, TestMessages.Gauge(seq, 1)[0]);

    private static void Fields(ref MessagePackWriter w, string twin = "bracket-A", string unit = "microstrain", int quality = 0, ulong sequence = 3, ValueWriterAction? value = null)
    {
        w.WriteArrayHeader(7);
        w.Write(twin);
        w.Write("SG1");
        w.Write(TestMessages.Start.UtcTicks);
        if (value is null)
        {
            w.Write(1.0);
        }
        else
        {
            value(ref w);
        }

        w.Write(unit);
        w.Write(quality);
        w.Write(sequence);
    }

    private delegate void ValueWriterAction(ref MessagePackWriter writer);
}
