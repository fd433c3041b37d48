using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Twins.Tests;

public sealed class FeedConditionerTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private static SensorSample S(string sensor, int i, double value = 1, long? seq = null) =>
        new(sensor, T0 + (i * TimeSpan.TicksPerSecond / 5), value, SampleQuality.Good, seq ?? i);

    [Fact]
    public void Push_OutOfOrderWithinWindow_ReleasesInTimeOrder()
    {
        var c = new FeedConditioner(new FeedConditionerOptions { ReorderWindow = 4 });
        var released = new List<SensorSample>();
        foreach (var i in new[] { 0, 1, 3, 2, 4, 5, 6 })
        {
            c.Push(S("a", i), released);
        }

        c.Flush(released);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], released.Select(s => s.Sequence));
        Assert.Equal(1, c.Statistics.Reordered);
        Assert.Equal(0, c.Statistics.Late);
    }

    [Fact]
    public void Push_Duplicate_IsDroppedAndCounted()
    {
        var c = new FeedConditioner(new FeedConditionerOptions());
        var released = new List<SensorSample>();
        c.Push(S("a", 0), released);
        c.Push(S("a", 1), released);
        c.Push(S("a", 1), released);
        c.Push(S("b", 1), released);   // same seq on another sensor is not a duplicate
        c.Flush(released);
        Assert.Equal(3, released.Count);
        Assert.Equal(1, c.Statistics.Duplicates);
    }

    [Fact]
    public void Push_TooLate_IsDroppedAndCounted()
    {
        var c = new FeedConditioner(new FeedConditionerOptions { ReorderWindow = 2 });
        var released = new List<SensorSample>();
        for (var i = 5; i < 10; i++)
        {
            c.Push(S("a", i), released);
        }

        c.Push(S("a", 1), released);
        Assert.Equal(1, c.Statistics.Late);
    }

    [Fact]
    public void Push_NaNAndOutOfRange_AreFlaggedBad()
    {
        var c = new FeedConditioner(new FeedConditionerOptions { RangesSI = new Dictionary<string, (double, double)> { ["a"] = (-10, 10) } });
        var released = new List<SensorSample>();
        c.Push(S("a", 0, double.NaN), released);
        c.Push(S("a", 1, 11), released);
        c.Push(S("a", 2, 5), released);
        c.Flush(released);
        Assert.Equal(2, c.Statistics.Bad);
        Assert.Equal([SampleQuality.Bad, SampleQuality.Bad, SampleQuality.Good], released.Select(s => s.Quality));
    }

    [Fact]
    public void Release_Dropout_IsMarkedAsGap()
    {
        var c = new FeedConditioner(new FeedConditionerOptions());
        var released = new List<SensorSample>();
        for (var i = 0; i < 100; i++)
        {
            if (i is < 40 or > 60)
            {
                c.Push(S("a", i), released);
            }
        }

        c.Flush(released);
        var gap = Assert.Single(c.Statistics.Gaps);
        Assert.Equal("a", gap.Sensor);
        Assert.Equal(22 * 0.2, gap.Seconds, 1e-9);
    }

    [Fact]
    public void Release_BurstsStampedAtOneInstant_AreNoGapUntilTheFeedPauses()
    {
        // Six readings per burst share a timestamp, bursts come every 0.2 s; three bursts are missing late on.
        var c = new FeedConditioner(new FeedConditionerOptions());
        var released = new List<SensorSample>();
        var seq = 0L;
        for (var burst = 0; burst < 60; burst++)
        {
            if (burst is >= 50 and <= 52)
            {
                continue;
            }

            for (var k = 0; k < 6; k++)
            {
                c.Push(new SensorSample("a", T0 + (burst * TimeSpan.TicksPerSecond / 5), 1, SampleQuality.Good, seq++), released);
            }
        }

        c.Flush(released);
        var gap = Assert.Single(c.Statistics.Gaps);
        Assert.Equal(0.8, gap.Seconds, 1e-9);
    }

    [Fact]
    public void Push_EqualTimestamps_ReleasesByPriority()
    {
        var c = new FeedConditioner(new FeedConditionerOptions { Priority = new Dictionary<string, int> { ["load"] = 0, ["gauge"] = 2 } });
        var released = new List<SensorSample>();
        c.Push(S("gauge", 0), released);
        c.Push(S("load", 0), released);
        c.Flush(released);
        Assert.Equal(["load", "gauge"], released.Select(s => s.Sensor));
    }
}
