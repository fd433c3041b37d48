using TwinPlatform.Twins;
using TwinPlatform.Twins.Monitoring;

namespace TwinPlatform.Twins.Tests;

public sealed class BoundedLogTests
{
    [Fact]
    public void Add_PastCapacity_HoldsTheLatestOldestFirstAndCountsAll()
    {
        var log = new BoundedLog<int>(3);
        for (var i = 0; i < 8; i++)
        {
            log.Add(i);
        }

        Assert.Equal([5, 6, 7], log);
        Assert.Equal(5, log[0]);
        Assert.Equal(7, log[2]);
        Assert.Equal(3, log.Count);
        Assert.Equal(8, log.TotalCount);
        Assert.Equal(5, log.Dropped);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[3]);
        var copy = new int[3];
        log.CopyTo(copy, 0);
        Assert.Equal([5, 6, 7], copy);
    }

    [Fact]
    public void Since_ReaderFollowingByPosition_GetsEachItemOnceAndFailsLoudlyWhenTooFarBehind()
    {
        var log = new BoundedLog<int>(4);
        long read = 0;
        var seen = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            log.Add(i);
            if (i % 3 == 2)
            {
                seen.AddRange(log.Since(read));
                read = log.TotalCount;
            }
        }

        seen.AddRange(log.Since(read));
        Assert.Equal(Enumerable.Range(0, 20), seen);
        Assert.Empty(log.Since(log.TotalCount));
        Assert.Throws<InvalidOperationException>(() => log.Since(15).ToList());
    }

    [Fact]
    public void TwinEventLog_PastCapacity_GroupsCountEveryEventAndKeepTheFirst()
    {
        var log = new TwinEventLog(capacity: 10);
        for (var i = 0; i < 100; i++)
        {
            log.Add(new TwinEvent(i % 2 == 0 ? "a" : "b", TwinEventKind.Gap, i, 1, $"gap {i}"));
        }

        log.Add(new TwinEvent("a", TwinEventKind.Anomaly, 100, 3, "anomaly"));

        Assert.Equal(10, log.Count);
        Assert.Equal(101, log.TotalCount);
        Assert.Collection(
            log.Groups,
            g => Assert.Equal(("a", TwinEventKind.Gap, 50L, "gap 0"), (g.Twin, g.Kind, g.Count, g.First.Message)),
            g => Assert.Equal(("b", TwinEventKind.Gap, 50L, "gap 1"), (g.Twin, g.Kind, g.Count, g.First.Message)),
            g => Assert.Equal(("a", TwinEventKind.Anomaly, 1L, "anomaly"), (g.Twin, g.Kind, g.Count, g.First.Message)));
    }
}
