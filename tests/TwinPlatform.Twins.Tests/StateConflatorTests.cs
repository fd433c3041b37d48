using System.Diagnostics;
using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Twins.Tests;

public sealed class StateConflatorTests
{
    private static readonly long Ms = Stopwatch.Frequency / 1000;

    [Fact]
    public void Offer_NoBudget_PushesEveryChange()
    {
        var c = new StateConflator<string>(0);
        for (var k = 0; k < 1000; k++)
        {
            Assert.True(c.Offer("a", k, 0));
        }

        Assert.Equal(0, c.WaitingCount);
        Assert.Equal(1000, c.Pushed);
    }

    [Fact]
    public void Offer_BeyondTheBudget_WaitsInLineAndGoesOutOnceWithTheNewestSample()
    {
        // 100 pushes a second: a bucket of 5, one token every 10 ms.
        var c = new StateConflator<string>(100);
        var due = new List<(string Twin, long NewestUtcTicks)>();
        for (var k = 0; k < 5; k++)
        {
            Assert.True(c.Offer("t" + k, k, 0));
        }

        Assert.False(c.Offer("a", 10, 0));
        Assert.False(c.Offer("b", 20, 1 * Ms));
        Assert.False(c.Offer("a", 30, 2 * Ms));
        Assert.Equal(2, c.WaitingCount);
        Assert.Equal(8.0, c.UntilNextDue(2 * Ms)!.Value.TotalMilliseconds, 6);

        Assert.Equal(0, c.TakeDue(9 * Ms, due));
        Assert.Equal(1, c.TakeDue(11 * Ms, due));
        Assert.Equal(("a", 30L), due[0]);

        // A newcomer waits behind "b", which is already in line, even though a token is there.
        Assert.False(c.Offer("c", 40, 25 * Ms));
        Assert.Equal(1, c.TakeDue(25 * Ms, due));
        Assert.Equal(("b", 20L), due[1]);
        Assert.Equal(1, c.TakeDue(31 * Ms, due));
        Assert.Equal(("c", 40L), due[2]);
        Assert.Null(c.UntilNextDue(31 * Ms));
        Assert.Equal(9, c.Offered);
        Assert.Equal(8, c.Pushed);
    }

    [Fact]
    public void TakeDue_OverALongRun_KeepsToTheBudget()
    {
        // 1000 changes a second of 50 twins for 10 s against a budget of 200 a second: about 2000
        // pushes, plus the bucket's first 10; every twin is pushed, none waits twice in line.
        var c = new StateConflator<int>(200);
        var due = new List<(int Twin, long NewestUtcTicks)>();
        long pushed = 0;
        for (var k = 0; k < 10_000; k++)
        {
            var now = k * Ms;
            pushed += c.Offer(k % 50, k, now) ? 1 : 0;
            pushed += c.TakeDue(now, due);
            Assert.True(c.WaitingCount <= 50);
        }

        Assert.InRange(pushed, 1990, 2011);
        Assert.Equal(pushed, c.Pushed);
        Assert.Equal(50, due.Select(d => d.Twin).Distinct().Count());
    }

    [Fact]
    public void TakeAll_HandsOverEveryWaitingTwinWhateverTheBudget()
    {
        var c = new StateConflator<int>(0.001);
        var due = new List<(int Twin, long NewestUtcTicks)>();
        Assert.True(c.Offer(0, 0, 0));
        for (var twin = 0; twin < 10; twin++)
        {
            Assert.False(c.Offer(twin, 100 + twin, 1));
        }

        Assert.Equal(0, c.TakeDue(2, due));
        Assert.Equal(10, c.TakeAll(due));
        Assert.Equal(Enumerable.Range(0, 10).Select(t => (t, 100L + t)).ToList(), due);
        Assert.Equal(0, c.WaitingCount);
        Assert.Equal(11, c.Pushed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Constructor_BadBudget_Throws(double budget) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StateConflator<string>(budget));
}
