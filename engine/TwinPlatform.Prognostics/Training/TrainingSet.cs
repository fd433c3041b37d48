using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Features;

namespace TwinPlatform.Prognostics.Training;

/// <summary>
/// Every cycle of a run-to-failure fleet as training samples: the online features an
/// <see cref="EngineFeatureState"/> had after that cycle (so exactly what a twin sees, no
/// look-ahead), the engine, the cycle and the true remaining useful life (cycles to the last one).
/// The health-indicator block is left at zero; it depends on the fitted indicator and is filled per fold.
/// </summary>
public sealed class TrainingSet
{
    private readonly double[] _features;

    private TrainingSet(FeatureLayout layout, double[] features, int[] engine, int[] unit, int[] cycle, double[] remaining, int engineCount, string source)
    {
        Layout = layout;
        _features = features;
        Engine = engine;
        Unit = unit;
        Cycle = cycle;
        RemainingCycles = remaining;
        EngineCount = engineCount;
        Source = source;
    }

    /// <summary>The feature layout of the rows.</summary>
    public FeatureLayout Layout { get; }

    /// <summary>The file the fleet was read from.</summary>
    public string Source { get; }

    /// <summary>Number of samples (cycles).</summary>
    public int Count => Engine.Count;

    /// <summary>Number of engines.</summary>
    public int EngineCount { get; }

    /// <summary>0-based engine (in file order) of each sample.</summary>
    public IReadOnlyList<int> Engine { get; }

    /// <summary>Unit number of each sample.</summary>
    public IReadOnlyList<int> Unit { get; }

    /// <summary>Cycle of each sample.</summary>
    public IReadOnlyList<int> Cycle { get; }

    /// <summary>True remaining useful life of each sample, cycles (0 at the last cycle), uncapped.</summary>
    public IReadOnlyList<double> RemainingCycles { get; }

    /// <summary>The full feature vector of sample <paramref name="row"/> (indicator block zero).</summary>
    public ReadOnlySpan<double> Row(int row) => _features.AsSpan(row * Layout.Count, Layout.Count);

    /// <summary>Runs the online features over every engine of a run-to-failure fleet.</summary>
    public static TrainingSet Build(CmapssDataSet fleet, FeatureWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var layout = new FeatureLayout(options);
        var n = fleet.RowCount;
        var features = new double[n * layout.Count];
        var engine = new int[n];
        var unit = new int[n];
        var cycle = new int[n];
        var remaining = new double[n];
        var state = new EngineFeatureState(layout);
        var r = 0;
        for (var e = 0; e < fleet.Engines.Count; e++)
        {
            var eng = fleet.Engines[e];
            state.Reset();
            for (var k = 0; k < eng.CycleCount; k++)
            {
                state.Update(k + 1, eng.SensorsAt(k));
                state.Features.CopyTo(features.AsSpan(r * layout.Count, layout.Count));
                engine[r] = e;
                unit[r] = eng.Unit;
                cycle[r] = k + 1;
                remaining[r] = eng.CycleCount - (k + 1);
                r++;
            }
        }

        return new TrainingSet(layout, features, engine, unit, cycle, remaining, fleet.Engines.Count, fleet.Source);
    }
}
