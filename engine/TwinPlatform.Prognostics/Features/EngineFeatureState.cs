using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Features;

/// <summary>
/// Online window features of one engine, updated as its cycles arrive one by one: for every sensor
/// the window mean and least-squares slope, the last value, a fast and a slow exponentially
/// weighted mean, the long-window slope, the engine's own baseline and the drift from it, and the
/// level, slope and curvature of a quadratic over the long window; then the
/// cycle (age) and, given a <see cref="HealthIndicator"/>, the indicator of each statistic.
/// </summary>
/// <remarks>
/// <para>No look-ahead: the features after cycle k depend on cycles 1..k only. Before a window is
/// full its statistics use the cycles seen so far (a slope needs two; with one it is 0), so an
/// engine shorter than the window still gets features.</para>
/// <para>Cost per cycle: O(sensors), allocation-free. Window sums are updated incrementally
/// (sliding sum and sliding position-weighted sum) and recomputed exactly from the ring buffer once
/// every long-window length, so rounding does not build up over long runs. Values are held relative
/// to the engine's first reading to keep the sums small.</para>
/// <para>Not thread-safe: one state per engine, updated by one thread at a time.</para>
/// </remarks>
public sealed class EngineFeatureState
{
    private readonly FeatureLayout _layout;
    private readonly HealthIndicator? _indicator;
    private readonly int[] _sensorIndex;
    private readonly int _sensorCount;
    private readonly int _window;
    private readonly int _longWindow;
    private readonly int _baselineCycles;
    private readonly double _fastDecay;
    private readonly double _slowDecay;
    private readonly double[] _ring;
    private readonly double[] _offset;
    private readonly double[] _sum;
    private readonly double[] _weightedSum;
    private readonly double[] _longSum;
    private readonly double[] _longWeightedSum;
    private readonly double[] _longSquareWeightedSum;
    private readonly double[] _fastNumerator;
    private readonly double[] _slowNumerator;
    private readonly double[] _baselineSum;
    private readonly double[] _last;
    private readonly double[] _features;
    private double _fastDenominator;
    private double _slowDenominator;
    private int _head;
    private bool _featuresBehind;

    /// <summary>Creates the state of a new engine (no cycles seen).</summary>
    /// <param name="layout">The feature layout (and through it the window options).</param>
    /// <param name="indicator">The health indicator whose statistics fill the indicator block; null leaves the block at zero.</param>
    public EngineFeatureState(FeatureLayout layout, HealthIndicator? indicator = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (indicator is not null && indicator.SensorCount != layout.SensorCount)
        {
            throw new ArgumentException($"the indicator has {indicator.SensorCount} sensors, the layout {layout.SensorCount}", nameof(indicator));
        }

        var o = layout.Options;
        _layout = layout;
        _indicator = indicator;
        _sensorCount = layout.SensorCount;
        _sensorIndex = [.. o.Sensors];
        _window = o.WindowLength;
        _longWindow = o.LongWindowLength;
        _baselineCycles = o.BaselineCycles;
        _fastDecay = 1.0 - (2.0 / (o.FastSmoothingSpan + 1.0));
        _slowDecay = 1.0 - (2.0 / (o.SlowSmoothingSpan + 1.0));
        _ring = new double[_sensorCount * _longWindow];
        _offset = new double[_sensorCount];
        _sum = new double[_sensorCount];
        _weightedSum = new double[_sensorCount];
        _longSum = new double[_sensorCount];
        _longWeightedSum = new double[_sensorCount];
        _longSquareWeightedSum = new double[_sensorCount];
        _fastNumerator = new double[_sensorCount];
        _slowNumerator = new double[_sensorCount];
        _baselineSum = new double[_sensorCount];
        _last = new double[_sensorCount];
        _features = new double[layout.Count];
    }

    /// <summary>The layout of <see cref="Features"/>.</summary>
    public FeatureLayout Layout => _layout;

    /// <summary>Number of cycles seen.</summary>
    public int CycleCount { get; private set; }

    /// <summary>The last cycle number passed to <see cref="Update"/> (0 before the first).</summary>
    public int LastCycle { get; private set; }

    /// <summary>The full feature vector after the latest cycle (all zero before the first).</summary>
    /// <remarks>
    /// Written from the running sums when it is read after an <see cref="Update"/>, not at every update: a live
    /// fleet updates its engines far more often than it evaluates them. The span is overwritten by the next
    /// read after an update; copy it to keep it.
    /// </remarks>
    public ReadOnlySpan<double> Features
    {
        get
        {
            if (_featuresBehind)
            {
                WriteFeatures(CycleCount, LastCycle);
                _featuresBehind = false;
            }

            return _features;
        }
    }

    /// <summary>Forgets every cycle: the state of a new engine.</summary>
    public void Reset()
    {
        CycleCount = 0;
        LastCycle = 0;
        _featuresBehind = false;
        _head = 0;
        _fastDenominator = 0;
        _slowDenominator = 0;
        Array.Clear(_ring);
        Array.Clear(_offset);
        Array.Clear(_sum);
        Array.Clear(_weightedSum);
        Array.Clear(_longSum);
        Array.Clear(_longWeightedSum);
        Array.Clear(_longSquareWeightedSum);
        Array.Clear(_fastNumerator);
        Array.Clear(_slowNumerator);
        Array.Clear(_baselineSum);
        Array.Clear(_last);
        Array.Clear(_features);
    }

    /// <summary>Adds one cycle to the running sums; <see cref="Features"/> follows when next read.</summary>
    /// <param name="cycle">The cycle number (engine age in cycles); must increase from call to call.</param>
    /// <param name="sensors">All 21 sensors of the cycle (s1..s21), in their file units.</param>
    /// <exception cref="ArgumentException">Not 21 sensors, a non-finite reading, or a cycle that does not increase.</exception>
    public void Update(int cycle, ReadOnlySpan<double> sensors)
    {
        if (sensors.Length != CmapssColumns.SensorCount)
        {
            throw new ArgumentException($"expected {CmapssColumns.SensorCount} sensors (s1..s21), got {sensors.Length}", nameof(sensors));
        }

        if (cycle <= LastCycle)
        {
            throw new ArgumentException($"cycle {cycle} does not follow cycle {LastCycle}; cycles must increase", nameof(cycle));
        }

        for (var i = 0; i < _sensorCount; i++)
        {
            if (!double.IsFinite(sensors[_sensorIndex[i]]))
            {
                throw new ArgumentException($"sensor {CmapssColumns.SensorName(_sensorIndex[i])} is not finite at cycle {cycle}", nameof(sensors));
            }
        }

        var n = ++CycleCount;
        LastCycle = cycle;
        if (n == 1)
        {
            for (var i = 0; i < _sensorCount; i++)
            {
                _offset[i] = sensors[_sensorIndex[i]];
            }
        }

        _fastDenominator = (_fastDecay * _fastDenominator) + 1.0;
        _slowDenominator = (_slowDecay * _slowDenominator) + 1.0;
        var seen = n - 1;
        var leaving = _head - _window;
        if (leaving < 0)
        {
            leaving += _longWindow;
        }

        for (var i = 0; i < _sensorCount; i++)
        {
            var y = sensors[_sensorIndex[i]] - _offset[i];
            var row = i * _longWindow;

            // Sliding window of positions 1..W (oldest to newest): dropping the oldest shifts every
            // position down by one, S1' = S1 - S0 + W y_new, S0' = S0 - y_old + y_new.
            if (seen < _window)
            {
                _sum[i] += y;
                _weightedSum[i] += n * y;
            }
            else
            {
                _weightedSum[i] += (_window * y) - _sum[i];
                _sum[i] += y - _ring[row + leaving];
            }

            // The long window also keeps S2 = Σ i² y for the quadratic; after dropping the oldest
            // (position 1) and shifting, S2' = S2 - 2 S1 + S0 + L² y_new.
            if (seen < _longWindow)
            {
                _longSum[i] += y;
                _longWeightedSum[i] += n * y;
                _longSquareWeightedSum[i] += (double)n * n * y;
            }
            else
            {
                _longSquareWeightedSum[i] += (-2.0 * _longWeightedSum[i]) + _longSum[i] + ((double)_longWindow * _longWindow * y);
                _longWeightedSum[i] += (_longWindow * y) - _longSum[i];
                _longSum[i] += y - _ring[row + _head];
            }

            _ring[row + _head] = y;
            _fastNumerator[i] = (_fastDecay * _fastNumerator[i]) + y;
            _slowNumerator[i] = (_slowDecay * _slowNumerator[i]) + y;
            if (n <= _baselineCycles)
            {
                _baselineSum[i] += y;
            }

            _last[i] = y;
        }

        _head = _head + 1 == _longWindow ? 0 : _head + 1;
        if (n % _longWindow == 0)
        {
            RefreshSums();
        }

        _featuresBehind = true;
    }

    private void RefreshSums()
    {
        // Called when the ring is full (n is a multiple of L >= W): recompute the window sums
        // exactly. The oldest value is at _head; position p (1 = oldest) of the long window.
        for (var i = 0; i < _sensorCount; i++)
        {
            var row = i * _longWindow;
            double s = 0, sw = 0, ls = 0, lsw = 0, lssw = 0;
            for (var p = 1; p <= _longWindow; p++)
            {
                var idx = _head + p - 1;
                if (idx >= _longWindow)
                {
                    idx -= _longWindow;
                }

                var y = _ring[row + idx];
                ls += y;
                lsw += p * y;
                lssw += (double)p * p * y;
                var q = p - (_longWindow - _window);
                if (q >= 1)
                {
                    s += y;
                    sw += q * y;
                }
            }

            _sum[i] = s;
            _weightedSum[i] = sw;
            _longSum[i] = ls;
            _longWeightedSum[i] = lsw;
            _longSquareWeightedSum[i] = lssw;
        }
    }

    private void WriteFeatures(int n, int cycle)
    {
        var s = _sensorCount;
        var f = _features.AsSpan();
        var nw = Math.Min(n, _window);
        var nl = Math.Min(n, _longWindow);
        var nb = Math.Min(n, _baselineCycles);
        for (var i = 0; i < s; i++)
        {
            var offset = _offset[i];
            var slow = offset + (_slowNumerator[i] / _slowDenominator);
            var baseline = offset + (_baselineSum[i] / nb);
            f[i] = offset + (_sum[i] / nw);
            f[s + i] = Slope(nw, _sum[i], _weightedSum[i]);
            f[(2 * s) + i] = offset + _last[i];
            f[(3 * s) + i] = offset + (_fastNumerator[i] / _fastDenominator);
            f[(4 * s) + i] = slow;
            f[(5 * s) + i] = Slope(nl, _longSum[i], _longWeightedSum[i]);
            f[(6 * s) + i] = baseline;
            f[(7 * s) + i] = slow - baseline;
            var (level, slope, curvature) = Quadratic(nl, _longSum[i], _longWeightedSum[i], _longSquareWeightedSum[i]);
            f[(8 * s) + i] = offset + level;
            f[(9 * s) + i] = slope;
            f[(10 * s) + i] = curvature;
        }

        f[_layout.CycleIndex] = cycle;
        _indicator?.Project(_layout, f);
    }

    /// <summary>
    /// Least-squares quadratic y = a + b u + c u² of values at positions 1..n (u = i - (n+1)/2) from
    /// S0 = Σ y, S1 = Σ i y, S2 = Σ i² y; returns its level and slope at the last position and c.
    /// With fewer than three values it falls back to the line (c = 0).
    /// </summary>
    internal static (double Level, double Slope, double Curvature) Quadratic(int n, double sum, double weightedSum, double squareWeightedSum)
    {
        if (n < 3)
        {
            var line = Slope(n, sum, weightedSum);
            return ((sum / n) + (line * (n - 1) / 2.0), line, 0.0);
        }

        // Centred moments: Σu = Σu³ = 0, Σu² = n(n²-1)/12, Σu⁴ = n(n²-1)(3n²-7)/240.
        double nn = n;
        var m = (nn + 1) / 2.0;
        var u2 = nn * ((nn * nn) - 1) / 12.0;
        var u4 = nn * ((nn * nn) - 1) * ((3 * nn * nn) - 7) / 240.0;
        var t0 = sum;
        var t1 = weightedSum - (m * sum);
        var t2 = squareWeightedSum - (2 * m * weightedSum) + (m * m * sum);
        var b = t1 / u2;
        var c = ((nn * t2) - (u2 * t0)) / ((nn * u4) - (u2 * u2));
        var a = (t0 - (u2 * c)) / nn;
        var end = (nn - 1) / 2.0;
        return (a + (b * end) + (c * end * end), b + (2 * c * end), c);
    }

    /// <summary>Least-squares slope of values at positions 1..n from S0 = Σ y and S1 = Σ i y.</summary>
    internal static double Slope(int n, double sum, double weightedSum)
    {
        if (n < 2)
        {
            return 0.0;
        }

        // Σi = n(n+1)/2 and n Σi² - (Σi)² = n² (n² - 1) / 12.
        double nn = n;
        return ((nn * weightedSum) - (nn * (nn + 1) / 2.0 * sum)) / (nn * nn * ((nn * nn) - 1) / 12.0);
    }
}
