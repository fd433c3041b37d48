namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// Keeps a bounded, evenly thinned record of (time, prediction, measurement) for plots: when full,
/// every other point is dropped and the keep-stride doubles, so memory stays flat on long feeds.
/// </summary>
public sealed class SeriesRecorder
{
    private readonly int _capacity;
    private readonly List<SeriesPoint> _points;
    private long _stride = 1;
    private long _offered;

    /// <summary>Creates a recorder holding at most <paramref name="capacity"/> points.</summary>
    public SeriesRecorder(int capacity = 4000)
    {
        _capacity = Math.Max(16, capacity);
        _points = new List<SeriesPoint>(_capacity);
    }

    /// <summary>The points kept, in time order.</summary>
    public IReadOnlyList<SeriesPoint> Points => _points;

    /// <summary>Offers a point; it is kept when it falls on the current stride.</summary>
    public void Add(in SeriesPoint point)
    {
        if (_offered++ % _stride != 0)
        {
            return;
        }

        if (_points.Count == _capacity)
        {
            var w = 0;
            for (var r = 0; r < _points.Count; r += 2)
            {
                _points[w++] = _points[r];
            }

            _points.RemoveRange(w, _points.Count - w);
            _stride *= 2;
        }

        _points.Add(point);
    }
}
