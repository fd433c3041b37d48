using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Features;

namespace TwinPlatform.Prognostics;

/// <summary>
/// The prognostic state of one engine: its online features and the latest health indicator and
/// remaining useful life. Feed it cycles in order with <see cref="Update"/>.
/// </summary>
/// <remarks>
/// <para>Per cycle: O(sensors) feature work (<see cref="Add"/>); the trees are walked when the estimate is
/// read (<see cref="Current"/>), once per cycle read, so a twin fed faster than anyone reads its estimate
/// pays for the model only when it is read. The estimate read is always the one after the latest cycle.
/// No allocation. Not thread-safe: one state per engine, one thread at a time (the actor shape of
/// a twin). Many states can share one <see cref="RulModel"/> across threads.</para>
/// </remarks>
public sealed class EnginePrognosis
{
    private readonly RulModel _model;
    private readonly EngineFeatureState _features;
    private readonly float[] _scratch;
    private PrognosticEstimate _current;
    private bool _stale;

    internal EnginePrognosis(RulModel model)
    {
        _model = model;
        _features = new EngineFeatureState(model.Layout, model.HealthIndicator);
        _scratch = new float[model.InputCount];
    }

    /// <summary>The model the state predicts with.</summary>
    public RulModel Model => _model;

    /// <summary>Cycles seen.</summary>
    public int CycleCount => _features.CycleCount;

    /// <summary>The estimate after the latest cycle (default before the first); evaluated on the first read after a cycle.</summary>
    public PrognosticEstimate Current
    {
        get
        {
            if (_stale)
            {
                Settle(_model.PredictMean(_features.Features, _scratch));
            }

            return _current;
        }
    }

    /// <summary>Whether the estimate is behind the latest cycle (the next read of <see cref="Current"/> evaluates the model).</summary>
    public bool IsStale => _stale;

    /// <summary>
    /// Brings the estimates of many engines up to date in one pass over each model's trees: the values are
    /// those that reading <see cref="Current"/> of each would give, at a fraction of the memory traffic when
    /// the trees do not stay in the caches from one engine to the next. Engines already up to date are skipped.
    /// </summary>
    /// <param name="engines">Engines of one or more models, each at most once.</param>
    public static void Refresh(IReadOnlyList<EnginePrognosis> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        List<EnginePrognosis>? stale = null;
        foreach (var e in engines)
        {
            if (e._stale)
            {
                (stale ??= new List<EnginePrognosis>(engines.Count)).Add(e);
            }
        }

        while (stale is { Count: > 0 })
        {
            // One model at a time (a fleet usually has one).
            var model = stale[0]._model;
            var batch = stale.FindAll(e => e._model == model);
            var means = new double[batch.Count];
            model.PredictMeans(batch, means);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Settle(means[i]);
            }

            _ = stale.RemoveAll(e => e._model == model);
        }
    }

    /// <summary>The full feature vector after the latest cycle (see <see cref="FeatureLayout"/>).</summary>
    public ReadOnlySpan<double> Features => _features.Features;

    /// <summary>Adds one cycle and returns the updated estimate (<see cref="Add"/>, then <see cref="Current"/>).</summary>
    /// <param name="cycle">Cycle number (engine age); must increase from call to call.</param>
    /// <param name="settings">The 3 operating settings of the cycle. FD001 runs at one operating condition, so they are checked but carry no information the model uses.</param>
    /// <param name="sensors21">All 21 sensors s1..s21 in C-MAPSS units.</param>
    /// <exception cref="ArgumentException">Wrong number of settings or sensors, a non-finite reading, or a cycle that does not increase.</exception>
    public PrognosticEstimate Update(int cycle, ReadOnlySpan<double> settings, ReadOnlySpan<double> sensors21)
    {
        Add(cycle, settings, sensors21);
        return Current;
    }

    /// <summary>Adds one cycle to the features; the estimate is evaluated when <see cref="Current"/> is next read.</summary>
    /// <param name="cycle">Cycle number (engine age); must increase from call to call.</param>
    /// <param name="settings">The 3 operating settings of the cycle (checked, not used: FD001 runs at one operating condition).</param>
    /// <param name="sensors21">All 21 sensors s1..s21 in C-MAPSS units.</param>
    /// <exception cref="ArgumentException">Wrong number of settings or sensors, a non-finite reading, or a cycle that does not increase.</exception>
    public void Add(int cycle, ReadOnlySpan<double> settings, ReadOnlySpan<double> sensors21)
    {
        if (settings.Length != CmapssColumns.SettingCount)
        {
            throw new ArgumentException($"expected {CmapssColumns.SettingCount} operating settings, got {settings.Length}", nameof(settings));
        }

        _features.Update(cycle, sensors21);
        _stale = true;
    }

    private void Settle(double mean)
    {
        var f = _features.Features;
        UncertainValue rul = _model.WithInterval(mean);
        _current = new PrognosticEstimate(_features.LastCycle, f[_model.HealthIndicatorIndex], rul, _features.CycleCount >= _model.Layout.Options.WindowLength);
        _stale = false;
    }

    /// <summary>Forgets every cycle (for example after an engine overhaul).</summary>
    public void Reset()
    {
        _features.Reset();
        _current = default;
        _stale = false;
    }
}
