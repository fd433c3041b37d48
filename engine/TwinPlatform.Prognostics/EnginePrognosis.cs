using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Features;

namespace TwinPlatform.Prognostics;

/// <summary>
/// The prognostic state of one engine: its online features and the latest health indicator and
/// remaining useful life. Feed it cycles in order with <see cref="Update"/>.
/// </summary>
/// <remarks>
/// <para>Per update: O(sensors) feature work plus one pass down every tree of the ensemble;
/// no allocation. Not thread-safe: one state per engine, one thread at a time (the actor shape of
/// a twin). Many states can share one <see cref="RulModel"/> across threads.</para>
/// </remarks>
public sealed class EnginePrognosis
{
    private readonly RulModel _model;
    private readonly EngineFeatureState _features;
    private readonly float[] _scratch;

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

    /// <summary>The estimate after the latest cycle (default before the first).</summary>
    public PrognosticEstimate Current { get; private set; }

    /// <summary>The full feature vector after the latest cycle (see <see cref="FeatureLayout"/>).</summary>
    public ReadOnlySpan<double> Features => _features.Features;

    /// <summary>Adds one cycle and returns the updated estimate.</summary>
    /// <param name="cycle">Cycle number (engine age); must increase from call to call.</param>
    /// <param name="settings">The 3 operating settings of the cycle. FD001 runs at one operating condition, so they are checked but carry no information the model uses.</param>
    /// <param name="sensors21">All 21 sensors s1..s21 in C-MAPSS units.</param>
    /// <exception cref="ArgumentException">Wrong number of settings or sensors, a non-finite reading, or a cycle that does not increase.</exception>
    public PrognosticEstimate Update(int cycle, ReadOnlySpan<double> settings, ReadOnlySpan<double> sensors21)
    {
        if (settings.Length != CmapssColumns.SettingCount)
        {
            throw new ArgumentException($"expected {CmapssColumns.SettingCount} operating settings, got {settings.Length}", nameof(settings));
        }

        _features.Update(cycle, sensors21);
        var f = _features.Features;
        var mean = _model.PredictMean(f, _scratch);
        UncertainValue rul = _model.WithInterval(mean);
        Current = new PrognosticEstimate(cycle, f[_model.HealthIndicatorIndex], rul, _features.CycleCount >= _model.Layout.Options.WindowLength);
        return Current;
    }

    /// <summary>Forgets every cycle (for example after an engine overhaul).</summary>
    public void Reset()
    {
        _features.Reset();
        Current = default;
    }
}
