using System.Diagnostics;

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// Paces the state pushes of many twins to a budget of pushes per second. While the budget lasts, a
/// changed twin's state goes out at once; beyond it, the twin waits in line and goes out once, with
/// everything that arrived meanwhile (latest wins), as the budget refills, in the order the twins
/// started waiting. No change is lost: a waiting twin is always pushed, and <see cref="TakeAll"/> hands
/// over what still waits when a run ends.
/// </summary>
/// <remarks>
/// <para>This is what lets twins be fed faster than their state is worth computing and sending: the
/// samples are all applied as they arrive, and derived quantities (a model's prediction, the message
/// to a viewer) are made at most at the budgeted rate over all twins. Below the budget nothing waits, so
/// a runtime that keeps up pushes every change at once.</para>
/// <para>The budget is a token bucket: <see cref="PushesPerSecond"/> tokens a second, holding at most
/// one twentieth of a second's worth (at least one), full at the start. Times are
/// <see cref="Stopwatch.GetTimestamp"/> values. Not thread-safe: one feeding loop.</para>
/// </remarks>
/// <typeparam name="TTwin">The twin (compared by reference or its own equality).</typeparam>
public sealed class StateConflator<TTwin>
    where TTwin : notnull
{
    private readonly double _tokensPerTick;
    private readonly double _capacity;
    private readonly Dictionary<TTwin, Entry> _entries = [];
    private readonly Queue<TTwin> _waiting = new();
    private double _tokens;
    private long _lastRefill = long.MinValue;

    /// <summary>Creates a conflator.</summary>
    /// <param name="pushesPerSecond">Budget of pushes per second over all twins; 0 or infinity for no limit (every change is pushed).</param>
    public StateConflator(double pushesPerSecond)
    {
        if (double.IsNaN(pushesPerSecond) || pushesPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pushesPerSecond), pushesPerSecond, "the budget must be 0 (no limit) or positive");
        }

        PushesPerSecond = pushesPerSecond == 0 ? double.PositiveInfinity : pushesPerSecond;
        _tokensPerTick = PushesPerSecond / Stopwatch.Frequency;
        _capacity = double.IsPositiveInfinity(PushesPerSecond) ? double.PositiveInfinity : Math.Max(1.0, PushesPerSecond / 20.0);
        _tokens = _capacity;
    }

    /// <summary>Budget of pushes per second (infinity: no limit).</summary>
    public double PushesPerSecond { get; }

    /// <summary>Twins whose state changed and waits for the budget.</summary>
    public int WaitingCount => _waiting.Count;

    /// <summary>Changes offered so far.</summary>
    public long Offered { get; private set; }

    /// <summary>Pushes handed out so far (by <see cref="Offer"/>, <see cref="TakeDue"/> and <see cref="TakeAll"/>).</summary>
    public long Pushed { get; private set; }

    /// <summary>Records that <paramref name="twin"/>'s state changed, with data up to <paramref name="newestUtcTicks"/>.</summary>
    /// <param name="twin">The twin.</param>
    /// <param name="newestUtcTicks">Time stamp of the newest sample behind the change.</param>
    /// <param name="now">Current <see cref="Stopwatch.GetTimestamp"/>.</param>
    /// <returns>True when the state is to be pushed now (the caller pushes it); false when it waits.</returns>
    public bool Offer(TTwin twin, long newestUtcTicks, long now)
    {
        Offered++;
        if (!_entries.TryGetValue(twin, out var entry))
        {
            entry = new Entry();
            _entries[twin] = entry;
        }

        if (entry.Waiting)
        {
            entry.NewestUtcTicks = Math.Max(entry.NewestUtcTicks, newestUtcTicks);
            return false;
        }

        // Twins already in line go first: a newcomer waits behind them.
        Refill(now);
        if (_waiting.Count == 0 && _tokens >= 1)
        {
            _tokens -= 1;
            Pushed++;
            return true;
        }

        entry.Waiting = true;
        entry.NewestUtcTicks = newestUtcTicks;
        _waiting.Enqueue(twin);
        return false;
    }

    /// <summary>Moves as many waiting twins as the budget allows to <paramref name="due"/>, each with the time stamp of its newest sample.</summary>
    /// <returns>How many were added.</returns>
    public int TakeDue(long now, List<(TTwin Twin, long NewestUtcTicks)> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        Refill(now);
        var n = 0;
        while (_waiting.Count > 0 && _tokens >= 1)
        {
            _tokens -= 1;
            due.Add(Release(_waiting.Dequeue()));
            n++;
        }

        return n;
    }

    /// <summary>Moves every waiting twin to <paramref name="due"/>, whatever the budget (at the end of a run).</summary>
    /// <returns>How many were added.</returns>
    public int TakeAll(List<(TTwin Twin, long NewestUtcTicks)> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var n = 0;
        while (_waiting.TryDequeue(out var twin))
        {
            due.Add(Release(twin));
            n++;
        }

        return n;
    }

    /// <summary>Time until the budget lets the first waiting twin go; null when none waits.</summary>
    public TimeSpan? UntilNextDue(long now)
    {
        if (_waiting.Count == 0)
        {
            return null;
        }

        Refill(now);
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / PushesPerSecond);
    }

    private void Refill(long now)
    {
        if (double.IsPositiveInfinity(_capacity))
        {
            return;
        }

        if (_lastRefill != long.MinValue && now > _lastRefill)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _lastRefill) * _tokensPerTick));
        }

        _lastRefill = Math.Max(_lastRefill, now);
    }

    private (TTwin, long) Release(TTwin twin)
    {
        var entry = _entries[twin];
        entry.Waiting = false;
        Pushed++;
        return (twin, entry.NewestUtcTicks);
    }

    private sealed class Entry
    {
        public bool Waiting { get; set; }

        public long NewestUtcTicks { get; set; }
    }
}
