namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// Turns a raw sample stream into a clean, time-ordered one: drops duplicates by sequence number,
/// re-sorts out-of-order samples within a window, marks gaps, and flags NaN/infinite/out-of-range
/// values as bad. Memory is bounded by the window and the per-sensor duplicate horizon.
/// </summary>
/// <remarks>
/// Samples with equal timestamps are released system-level sensors first (see
/// <see cref="FeedConditionerOptions.Priority"/>), so a component sees the system's load for the
/// same instant. Not thread-safe: one conditioner per runtime loop.
/// </remarks>
public sealed class FeedConditioner
{
    private const int DuplicateHorizon = 4096;
    private readonly FeedConditionerOptions _options;
    private readonly PriorityQueue<SensorSample, (long Ticks, int Priority, long Sequence)> _queue = new();
    private readonly Dictionary<string, SensorState> _sensors = new(StringComparer.Ordinal);
    private long _maxReceivedTicks = long.MinValue;
    private long _lastReleasedTicks = long.MinValue;

    /// <summary>Creates a conditioner.</summary>
    public FeedConditioner(FeedConditionerOptions options)
    {
        _options = options;
    }

    /// <summary>What has been done so far.</summary>
    public FeedStatistics Statistics { get; } = new();

    /// <summary>Accepts one sample; appends to <paramref name="released"/> any samples now safe to release in order.</summary>
    public void Push(in SensorSample sample, List<SensorSample> released)
    {
        Statistics.Received++;
        var state = State(sample.Sensor);
        if (!state.Seen(sample.Sequence))
        {
            Statistics.Duplicates++;
            return;
        }

        if (sample.TimestampUtcTicks < _lastReleasedTicks)
        {
            Statistics.Late++;
            return;
        }

        if (sample.TimestampUtcTicks < _maxReceivedTicks)
        {
            Statistics.Reordered++;
        }
        else
        {
            _maxReceivedTicks = sample.TimestampUtcTicks;
        }

        var s = sample;
        if (s.Quality == SampleQuality.Good && (!double.IsFinite(s.ValueSI) || OutOfRange(s)))
        {
            s = s with { Quality = SampleQuality.Bad };
        }

        if (s.Quality == SampleQuality.Bad)
        {
            Statistics.Bad++;
        }

        _queue.Enqueue(s, (s.TimestampUtcTicks, Priority(s.Sensor), s.Sequence));
        while (_queue.Count > _options.ReorderWindow)
        {
            Release(released);
        }
    }

    /// <summary>Releases everything still held (end of a recorded feed).</summary>
    public void Flush(List<SensorSample> released)
    {
        while (_queue.Count > 0)
        {
            Release(released);
        }
    }

    private void Release(List<SensorSample> released)
    {
        var s = _queue.Dequeue();
        _lastReleasedTicks = s.TimestampUtcTicks;
        var state = State(s.Sensor);
        state.CheckGap(s.TimestampUtcTicks, _options.GapFactor, Statistics.Gaps, s.Sensor);
        Statistics.Released++;
        released.Add(s);
    }

    private bool OutOfRange(in SensorSample s) =>
        _options.RangesSI.TryGetValue(s.Sensor, out var r) && (s.ValueSI < r.Min || s.ValueSI > r.Max);

    private int Priority(string sensor) => _options.Priority.TryGetValue(sensor, out var p) ? p : 0;

    private SensorState State(string sensor)
    {
        if (!_sensors.TryGetValue(sensor, out var state))
        {
            state = new SensorState();
            _sensors[sensor] = state;
        }

        return state;
    }

    private sealed class SensorState
    {
        private readonly HashSet<long> _seen = [];
        private readonly List<long> _intervals = [];
        private long _maxSeq = long.MinValue;
        private long _lastTicks = long.MinValue;
        private long _nominalInterval;

        public bool Seen(long seq)
        {
            if ((_maxSeq != long.MinValue && seq <= _maxSeq - DuplicateHorizon) || !_seen.Add(seq))
            {
                return false;
            }

            if (seq > _maxSeq)
            {
                _maxSeq = seq;
            }

            if (_seen.Count > 2 * DuplicateHorizon)
            {
                _seen.RemoveWhere(x => x <= _maxSeq - DuplicateHorizon);
            }

            return true;
        }

        public void CheckGap(long ticks, double factor, BoundedLog<FeedGap> gaps, string sensor)
        {
            if (_lastTicks != long.MinValue)
            {
                var dt = ticks - _lastTicks;
                if (_nominalInterval == 0)
                {
                    // The nominal interval is the median of the first positive intervals seen; readings
                    // stamped with one instant (a sensor that sends in bursts) are not an interval.
                    if (dt > 0)
                    {
                        _intervals.Add(dt);
                        if (_intervals.Count == 15)
                        {
                            _intervals.Sort();
                            _nominalInterval = _intervals[7];
                        }
                    }
                }
                else if (dt > factor * _nominalInterval)
                {
                    gaps.Add(new FeedGap(sensor, _lastTicks, ticks));
                }
            }

            _lastTicks = ticks;
        }
    }
}
