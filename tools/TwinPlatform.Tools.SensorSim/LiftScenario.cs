namespace TwinPlatform.Tools.SensorSim;

/// <summary>
/// The trolley's duty: park, hoist a payload, hold, travel, hold, lower; repeated with random
/// payloads and positions. Gives the true payload (N) and position (m) at any time.
/// </summary>
internal sealed class LiftScenario
{
    private readonly List<Segment> _segments = [];

    public LiftScenario(Random random, double durationS, double spanM, double maxPayloadN)
    {
        var t = 0.0;
        var position = 0.5 * spanM;
        while (t < durationS)
        {
            var payload = maxPayloadN * (0.25 + (0.75 * random.NextDouble()));
            var to = spanM * (0.1 + (0.8 * random.NextDouble()));
            var idle = 5 + (5 * random.NextDouble());
            var hold1 = 8 + (7 * random.NextDouble());
            var hold2 = 8 + (7 * random.NextDouble());
            const double ramp = 2.0;
            const double speed = 0.4;
            var travel = Math.Abs(to - position) / speed;
            Add(ref t, idle, 0, 0, position, position);
            Add(ref t, ramp, 0, payload, position, position);
            Add(ref t, hold1, payload, payload, position, position);
            Add(ref t, travel, payload, payload, position, to);
            Add(ref t, hold2, payload, payload, to, to);
            Add(ref t, ramp, payload, 0, to, to);
            position = to;
        }
    }

    /// <summary>True payload (N) and position (m) at time t (s).</summary>
    public (double PayloadN, double PositionM) At(double t)
    {
        foreach (var s in _segments)
        {
            if (t < s.Start + s.Length)
            {
                var f = s.Length > 0 ? Math.Clamp((t - s.Start) / s.Length, 0, 1) : 1;
                return (s.P0 + ((s.P1 - s.P0) * f), s.A0 + ((s.A1 - s.A0) * f));
            }
        }

        var last = _segments[^1];
        return (last.P1, last.A1);
    }

    private void Add(ref double t, double length, double p0, double p1, double a0, double a1)
    {
        _segments.Add(new Segment(t, length, p0, p1, a0, a1));
        t += length;
    }

    private readonly record struct Segment(double Start, double Length, double P0, double P1, double A0, double A1);
}
