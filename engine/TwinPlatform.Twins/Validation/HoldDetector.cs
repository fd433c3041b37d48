namespace TwinPlatform.Twins.Validation;

/// <summary>
/// Finds holds in a stream of (prediction, measurement) pairs: runs of consecutive samples over
/// which the prediction stays within a relative tolerance of the run's mean. Each hold becomes one
/// validation point, so that sensor noise averages down while the load is steady.
/// </summary>
/// <remarks>Streaming: keeps only the running sums of the current run and the finished runs.</remarks>
public sealed class HoldDetector
{
    private readonly double _relativeTolerance;
    private readonly int _minSamples;
    private readonly List<Hold> _holds = [];
    private Run _run;

    /// <summary>Creates a detector.</summary>
    /// <param name="relativeTolerance">A sample leaves the run when its prediction differs from the run mean by more than this fraction.</param>
    /// <param name="minSamples">Shortest run kept.</param>
    public HoldDetector(double relativeTolerance = 0.01, int minSamples = 5)
    {
        _relativeTolerance = relativeTolerance;
        _minSamples = minSamples;
    }

    /// <summary>Adds a pair, with the prediction's per-sample input uncertainty (random, so it averages over a hold).</summary>
    public void Add(long ticks, double simulation, double data, double simulationStd = 0)
    {
        if (_run.Count > 0)
        {
            var mean = _run.SumS / _run.Count;
            var tolerance = _relativeTolerance * Math.Max(Math.Abs(mean), _run.Scale);
            if (Math.Abs(simulation - mean) > tolerance)
            {
                Close();
            }
        }

        if (_run.Count == 0)
        {
            _run.StartTicks = ticks;
            _run.Scale = Math.Abs(simulation);
        }

        _run.EndTicks = ticks;
        _run.Count++;
        _run.SumS += simulation;
        _run.SumD += data;
        _run.SumDD += data * data;
        _run.SumVarS += simulationStd * simulationStd;
    }

    /// <summary>
    /// The holds found, keeping those whose mean prediction is at least <paramref name="minFractionOfPeak"/>
    /// of the largest hold's (unloaded stretches say nothing about stiffness).
    /// </summary>
    public IReadOnlyList<Hold> Holds(double minFractionOfPeak = 0.2)
    {
        Close();
        double peak = 0;
        foreach (var h in _holds)
        {
            peak = Math.Max(peak, Math.Abs(h.MeanSimulation));
        }

        var kept = new List<Hold>();
        foreach (var h in _holds)
        {
            if (Math.Abs(h.MeanSimulation) >= minFractionOfPeak * peak && peak > 0)
            {
                kept.Add(h);
            }
        }

        return kept;
    }

    private void Close()
    {
        if (_run.Count >= _minSamples)
        {
            var meanD = _run.SumD / _run.Count;
            var varD = Math.Max(0, (_run.SumDD / _run.Count) - (meanD * meanD)) * _run.Count / Math.Max(1, _run.Count - 1);
            _holds.Add(new Hold(_run.StartTicks, _run.EndTicks, _run.Count, _run.SumS / _run.Count, meanD, Math.Sqrt(varD), Math.Sqrt(_run.SumVarS / _run.Count)));
        }

        _run = default;
    }

    private struct Run
    {
        public long StartTicks;
        public long EndTicks;
        public int Count;
        public double SumS;
        public double SumD;
        public double SumDD;
        public double SumVarS;
        public double Scale;
    }
}
