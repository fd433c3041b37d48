namespace TwinPlatform.Prognostics.Features;

/// <summary>
/// A learned linear health indicator: <c>HI = b + Σ w_i (x_i - μ_i) / σ_i</c> over the sensors,
/// fitted by ridge least squares to <c>min(RUL, cap) / cap</c> — about 1 for a healthy engine and
/// 0 at failure. Being linear, it maps every per-sensor statistic (means, smoothed values, slopes,
/// drifts) to the same statistic of the indicator.
/// </summary>
public sealed class HealthIndicator
{
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly double[] _weights;

    /// <summary>Creates an indicator from its coefficients.</summary>
    /// <param name="intercept">b: the indicator at the training mean of every sensor.</param>
    /// <param name="means">μ_i: training mean of each sensor slot.</param>
    /// <param name="scales">σ_i: training standard deviation of each sensor slot (positive).</param>
    /// <param name="weights">w_i: weight of each standardised sensor.</param>
    public HealthIndicator(double intercept, IReadOnlyList<double> means, IReadOnlyList<double> scales, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(weights);
        if (means.Count != scales.Count || means.Count != weights.Count || means.Count == 0)
        {
            throw new ArgumentException("means, scales and weights need one entry per sensor");
        }

        Intercept = intercept;
        _means = [.. means];
        _scales = [.. scales];
        _weights = [.. weights];
        foreach (var s in _scales)
        {
            if (!(s > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(scales), "every scale must be positive");
            }
        }
    }

    /// <summary>b.</summary>
    public double Intercept { get; }

    /// <summary>μ_i.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>σ_i.</summary>
    public IReadOnlyList<double> Scales => _scales;

    /// <summary>w_i.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Number of sensor slots.</summary>
    public int SensorCount => _weights.Length;

    /// <summary>The indicator of sensor levels <paramref name="values"/> (one per slot).</summary>
    public double Evaluate(ReadOnlySpan<double> values)
    {
        var h = Intercept;
        for (var i = 0; i < _weights.Length; i++)
        {
            h += _weights[i] * (values[i] - _means[i]) / _scales[i];
        }

        return h;
    }

    /// <summary>The indicator's rate or difference for per-slot rates or differences (no intercept, no means).</summary>
    public double EvaluateChange(ReadOnlySpan<double> changes)
    {
        double h = 0;
        for (var i = 0; i < _weights.Length; i++)
        {
            h += _weights[i] * changes[i] / _scales[i];
        }

        return h;
    }

    /// <summary>
    /// Writes the indicator of every statistic into the indicator block of a full feature vector,
    /// from the per-sensor blocks of the same vector. Allocation-free.
    /// </summary>
    public void Project(FeatureLayout layout, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var s = layout.SensorCount;
        if (s != _weights.Length)
        {
            throw new ArgumentException($"the layout has {s} sensors, the indicator {_weights.Length}", nameof(layout));
        }

        for (var k = 0; k < FeatureLayout.StatisticCount; k++)
        {
            var block = features.Slice(k * s, s);
            features[layout.HealthIndicatorOffset + k] = FeatureLayout.IsLevel((SensorStatistic)k) ? Evaluate(block) : EvaluateChange(block);
        }
    }

    /// <summary>
    /// Fits the indicator by ridge least squares on standardised sensors.
    /// </summary>
    /// <param name="levels">Sensor levels, one row per sample, one column per slot.</param>
    /// <param name="targets">Target indicator per sample (for example <c>min(RUL, cap) / cap</c>).</param>
    /// <param name="ridge">Ridge penalty per sample on the standardised weights (0 for ordinary least squares).</param>
    public static HealthIndicator Fit(IReadOnlyList<double[]> levels, IReadOnlyList<double> targets, double ridge = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(targets);
        var n = levels.Count;
        if (n < 2 || targets.Count != n)
        {
            throw new ArgumentException("need at least two samples with one target each");
        }

        var p = levels[0].Length;
        var means = new double[p];
        var scales = new double[p];
        foreach (var row in levels)
        {
            for (var j = 0; j < p; j++)
            {
                means[j] += row[j];
            }
        }

        for (var j = 0; j < p; j++)
        {
            means[j] /= n;
        }

        foreach (var row in levels)
        {
            for (var j = 0; j < p; j++)
            {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]);
            }
        }

        for (var j = 0; j < p; j++)
        {
            scales[j] = Math.Sqrt(scales[j] / (n - 1));
            if (scales[j] <= 0)
            {
                scales[j] = 1;
            }
        }

        double yMean = 0;
        for (var i = 0; i < n; i++)
        {
            yMean += targets[i];
        }

        yMean /= n;

        // Normal equations of the centred problem: (Z'Z + n λ I) w = Z'(y - ȳ); intercept = ȳ.
        var a = new double[p, p];
        var rhs = new double[p];
        var z = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                z[j] = (levels[i][j] - means[j]) / scales[j];
            }

            var dy = targets[i] - yMean;
            for (var j = 0; j < p; j++)
            {
                rhs[j] += z[j] * dy;
                for (var k = 0; k <= j; k++)
                {
                    a[j, k] += z[j] * z[k];
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            a[j, j] += n * ridge;
            for (var k = 0; k < j; k++)
            {
                a[k, j] = a[j, k];
            }
        }

        var w = SolveSymmetric(a, rhs);
        return new HealthIndicator(yMean, means, scales, w);
    }

    private static double[] SolveSymmetric(double[,] a, double[] b)
    {
        // Cholesky A = L L' (A is symmetric positive definite: a Gram matrix plus a ridge).
        var p = b.Length;
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (d <= 0)
            {
                throw new InvalidOperationException("the health-indicator normal equations are singular; add a ridge penalty");
            }

            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < p; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / l[j, j];
            }
        }

        var y = new double[p];
        for (var i = 0; i < p; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[i, k] * y[k];
            }

            y[i] = s / l[i, i];
        }

        var x = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < p; k++)
            {
                s -= l[k, i] * x[k];
            }

            x[i] = s / l[i, i];
        }

        return x;
    }
}
