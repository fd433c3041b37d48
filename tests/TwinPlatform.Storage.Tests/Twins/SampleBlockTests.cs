using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>The storage forms of version 2: a channel's sequence ranges and a block of samples.</summary>
public sealed class SampleBlockTests
{
    [Theory]
    [InlineData(1, 200, 50)]
    [InlineData(2, 3000, 4000)]
    [InlineData(3, 500, 100_000)]
    public void SequenceSet_RandomAdds_AgreeWithASetOfNumbers(int seed, int adds, int spread)
    {
        var random = new Random(seed);
        var set = new SequenceSet();
        var model = new HashSet<long>();
        for (var i = 0; i < adds; i++)
        {
            // Mostly an ordered feed, with repeats, late numbers and jumps, some negative.
            var n = random.Next(4) switch
            {
                0 => random.Next(-spread, spread),
                1 => model.Count == 0 ? 0 : model.Max() + 1,
                2 => model.Count == 0 ? 5 : model.ElementAt(random.Next(model.Count)),
                _ => (model.Count == 0 ? 0 : model.Max()) + random.Next(1, 4),
            };

            Assert.Equal(model.Add(n), set.Add(n));
        }

        for (long n = -spread - 5000; n <= model.Max() + 5000; n++)
        {
            Assert.Equal(model.Contains(n), set.Contains(n));
        }

        Assert.Equal(model.Count, set.Count);
    }

    [Fact]
    public void SequenceSet_CountingAcrossChannels_AndTheExtremes()
    {
        // Every fourth number, as a gateway numbering across four channels gives one channel.
        var set = new SequenceSet();
        for (long n = 3; n < 400_000; n += 4)
        {
            Assert.True(set.Add(n));
        }

        Assert.False(set.Add(399_999));
        Assert.False(set.Contains(400_000));
        Assert.False(set.Contains(4));
        Assert.True(set.Contains(7));
        Assert.True(set.Add(long.MinValue));
        Assert.True(set.Add(long.MaxValue));
        Assert.True(set.Add(-1));
        Assert.False(set.Add(long.MinValue));
        Assert.True(set.Contains(long.MaxValue));
        Assert.False(set.Contains(long.MaxValue - 1));
        Assert.False(set.Contains(0));
        Assert.Equal(100_003, set.Count);
    }

    [Fact]
    public void Block_RoundTrip_KeepsEveryFieldToTheBit()
    {
        var random = new Random(7);
        var names = new[] { "a", "bracket/strain gauge", "μ-sensor ✓", new string('x', 300) };
        var samples = new List<StoredSample>();
        for (var i = 0; i < 1000; i++)
        {
            var value = random.Next(6) switch
            {
                0 => double.NaN,
                1 => BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234), // a NaN with a payload
                2 => double.NegativeInfinity,
                3 => -0.0,
                4 => double.Epsilon,
                _ => (random.NextDouble() - 0.5) * 1e9,
            };
            samples.Add(new StoredSample(
                names[random.Next(names.Length)], names[random.Next(names.Length)], random.NextInt64(), value, names[random.Next(names.Length)],
                (byte)random.Next(256), random.Next(3) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : i));
        }

        var data = SampleBlock.Encode(samples, 10, 900);
        var back = new List<StoredSample>();
        SampleBlock.Decode(data, 41, 900, 40, back);

        Assert.Equal(900, back.Count);
        for (var i = 0; i < back.Count; i++)
        {
            var e = samples[10 + i];
            var b = back[i];
            Assert.Equal((e.Twin, e.Channel, e.Unit, e.TimestampUtcTicks, e.Quality, e.Sequence, 41L + i), (b.Twin, b.Channel, b.Unit, b.TimestampUtcTicks, b.Quality, b.Sequence, b.Ordinal));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.Value), BitConverter.DoubleToInt64Bits(b.Value));
        }

        // Only the samples after an ordinal inside the block.
        back.Clear();
        SampleBlock.Decode(data, 41, 900, 500, back);
        Assert.Equal(Enumerable.Range(501, 440).Select(i => (long)i), back.Select(s => s.Ordinal));
    }

    [Fact]
    public void Block_Damaged_IsInvalidDataNeverAWrongSample()
    {
        var samples = Enumerable.Range(1, 50).Select(i => new StoredSample("twin", "ch" + (i % 3), 1000 + i, i * 0.5, "Pa", 0, i)).ToList();
        var data = SampleBlock.Encode(samples, 0, samples.Count);
        var back = new List<StoredSample>();

        Assert.Throws<InvalidDataException>(() => SampleBlock.Decode(data, 1, 49, 0, back));
        Assert.Throws<InvalidDataException>(() => SampleBlock.Decode(data[..^3], 1, 50, 0, back));
        Assert.Throws<InvalidDataException>(() => SampleBlock.Decode([.. data, 7], 1, 50, 0, back));
        var format = data.ToArray();
        format[0] = 9;
        Assert.Throws<InvalidDataException>(() => SampleBlock.Decode(format, 1, 50, 0, back));

        // Any one byte changed: either the block still decodes (a value or time changed) or it is refused; never an exception of another kind.
        for (var i = 0; i < data.Length; i++)
        {
            var damaged = data.ToArray();
            damaged[i] ^= 0xA5;
            back.Clear();
            try
            {
                SampleBlock.Decode(damaged, 1, 50, 0, back);
            }
            catch (InvalidDataException)
            {
            }
        }
    }
}
