using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Prognostics.Evaluation;

/// <summary>
/// Accumulates remaining-useful-life predictions against the truth and reports RMSE, the PHM08
/// score and the coverage and width of the intervals. The truth is capped like the training
/// target (true RUL above the cap counts as the cap), the convention of the C-MAPSS literature.
/// </summary>
public sealed class FleetEvaluator
{
    private readonly double _cap;
    private int _count;
    private int _covered;
    private double _sumSq;
    private double _sumAbs;
    private double _sum;
    private double _score;
    private double _width;
    private double _level = double.NaN;
    private bool _mixedLevels;

    /// <summary>Creates an evaluator capping the truth at <paramref name="capCycles"/> (use +∞ for no cap).</summary>
    public FleetEvaluator(double capCycles)
    {
        if (!(capCycles > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capCycles), capCycles, "the cap is positive");
        }

        _cap = capCycles;
    }

    /// <summary>The cap applied to true values, cycles.</summary>
    public double CapCycles => _cap;

    /// <summary>Number of predictions added.</summary>
    public int Count => _count;

    /// <summary>Adds one prediction and the engine's true remaining useful life (cycles, before capping).</summary>
    public void Add(UncertainValue predicted, double trueRemainingCycles)
    {
        var truth = Math.Min(trueRemainingCycles, _cap);
        var d = predicted.Mean - truth;
        _count++;
        _sum += d;
        _sumAbs += Math.Abs(d);
        _sumSq += d * d;
        _score += Phm08Score.Of(d);
        _width += predicted.Upper - predicted.Lower;
        if (truth >= predicted.Lower && truth <= predicted.Upper)
        {
            _covered++;
        }

        if (_count == 1)
        {
            _level = predicted.Level;
        }
        else if (_level != predicted.Level)
        {
            _mixedLevels = true;
        }
    }

    /// <summary>The metrics of everything added so far.</summary>
    public FleetMetrics Result()
    {
        if (_count == 0)
        {
            return new FleetMetrics(0, double.NaN, double.NaN, double.NaN, 0, double.NaN, double.NaN, double.NaN);
        }

        return new FleetMetrics(_count, Math.Sqrt(_sumSq / _count), _sumAbs / _count, _sum / _count, _score, (double)_covered / _count, _width / _count, _mixedLevels ? double.NaN : _level);
    }
}
