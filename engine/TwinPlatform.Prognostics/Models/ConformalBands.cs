namespace TwinPlatform.Prognostics.Models;

/// <summary>
/// Split-conformal prediction intervals that adapt to the predicted remaining useful life
/// (Mondrian conformal prediction, Vovk et al. 2005): held-out residuals <c>y - ŷ</c> are grouped
/// into bins of the prediction ŷ, and each bin keeps its own lower and upper residual quantiles.
/// The interval of a new prediction in bin b is <c>[ŷ + Lower[b], ŷ + Upper[b]]</c>.
/// </summary>
/// <remarks>
/// Errors of a remaining-life model depend strongly on the prediction: small near failure, small
/// for a healthy engine at the cap, largest in between, and skewed by the cap. Per-bin, asymmetric
/// quantiles give coverage that holds for each predicted range, so it does not depend on how a
/// test set's engines are spread over their lives.
/// </remarks>
public sealed class ConformalBands
{
    private readonly double[] _upperEdges;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly int[] _counts;

    /// <summary>Creates bands from their edges and residual quantiles.</summary>
    /// <param name="level">Nominal coverage, for example 0.90.</param>
    /// <param name="upperEdges">Upper edge of each bin of ŷ but the last, increasing; bin b holds ŷ &lt; upperEdges[b] (and ≥ the previous edge).</param>
    /// <param name="lower">Lower residual quantile of each bin (usually negative), one more entry than edges.</param>
    /// <param name="upper">Upper residual quantile of each bin (usually positive).</param>
    /// <param name="counts">Calibration residuals per bin.</param>
    public ConformalBands(double level, IReadOnlyList<double> upperEdges, IReadOnlyList<double> lower, IReadOnlyList<double> upper, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(upperEdges);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(counts);
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level lies strictly between 0 and 1");
        }

        var bins = upperEdges.Count + 1;
        if (lower.Count != bins || upper.Count != bins || counts.Count != bins)
        {
            throw new ArgumentException($"{bins} bins need {bins} lower and upper quantiles and counts");
        }

        for (var b = 1; b < upperEdges.Count; b++)
        {
            if (!(upperEdges[b] > upperEdges[b - 1]))
            {
                throw new ArgumentException("bin edges must increase", nameof(upperEdges));
            }
        }

        for (var b = 0; b < bins; b++)
        {
            if (lower[b] > upper[b])
            {
                throw new ArgumentException($"bin {b}: lower quantile {lower[b]} exceeds upper {upper[b]}");
            }
        }

        Level = level;
        _upperEdges = [.. upperEdges];
        _lower = [.. lower];
        _upper = [.. upper];
        _counts = [.. counts];
    }

    /// <summary>Nominal coverage.</summary>
    public double Level { get; }

    /// <summary>Upper edges of the bins but the last.</summary>
    public IReadOnlyList<double> UpperEdges => _upperEdges;

    /// <summary>Lower residual quantile per bin.</summary>
    public IReadOnlyList<double> Lower => _lower;

    /// <summary>Upper residual quantile per bin.</summary>
    public IReadOnlyList<double> Upper => _upper;

    /// <summary>Calibration residuals per bin.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>The bin of prediction <paramref name="predicted"/>.</summary>
    public int BinOf(double predicted)
    {
        var b = 0;
        while (b < _upperEdges.Length && predicted >= _upperEdges[b])
        {
            b++;
        }

        return b;
    }

    /// <summary>The interval around <paramref name="predicted"/>.</summary>
    public (double Lower, double Upper) Interval(double predicted)
    {
        var b = BinOf(predicted);
        return (predicted + _lower[b], predicted + _upper[b]);
    }

    /// <summary>
    /// Calibrates bands from held-out predictions and true values. Bins hold equal numbers of
    /// residuals (quantiles of ŷ). Per bin, the lower and upper bounds are the conformal order
    /// statistics of the signed residuals at (1 - level)/2 and (1 + level)/2 with the finite-sample
    /// correction (n + 1).
    /// </summary>
    /// <param name="predicted">Held-out predictions ŷ.</param>
    /// <param name="actual">True values y (capped like the target).</param>
    /// <param name="level">Nominal coverage.</param>
    /// <param name="binCount">Number of bins.</param>
    public static ConformalBands Calibrate(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, double level, int binCount)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        var n = predicted.Count;
        if (actual.Count != n)
        {
            throw new ArgumentException("predicted and actual need the same length");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (n < 20 * binCount)
        {
            throw new ArgumentException($"{n} residuals are too few for {binCount} bins (20 per bin at least)");
        }

        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = predicted[i];
        }

        Array.Sort(keys, order);

        // Equal-count edges, moved up past ties so that one predicted value never straddles two bins.
        var edges = new List<double>();
        for (var b = 1; b < binCount; b++)
        {
            var e = keys[(int)((long)b * n / binCount)];
            if (edges.Count == 0 || e > edges[^1])
            {
                edges.Add(e);
            }
        }

        var bins = edges.Count + 1;
        var residuals = new List<double>[bins];
        for (var b = 0; b < bins; b++)
        {
            residuals[b] = [];
        }

        var tmp = new ConformalBands(level, edges, new double[bins], new double[bins], new int[bins]);
        for (var i = 0; i < n; i++)
        {
            residuals[tmp.BinOf(predicted[i])].Add(actual[i] - predicted[i]);
        }

        var lower = new double[bins];
        var upper = new double[bins];
        var counts = new int[bins];
        var alpha = (1.0 - level) / 2.0;
        for (var b = 0; b < bins; b++)
        {
            var r = residuals[b].ToArray();
            Array.Sort(r);
            var m = r.Length;
            counts[b] = m;
            if (m == 0)
            {
                continue;
            }

            // Conformal ranks (1-based): lower ⌊(m+1)α⌋, upper ⌈(m+1)(1-α)⌉, clamped to the sample.
            var lo = Math.Clamp((int)Math.Floor((m + 1) * alpha), 1, m);
            var hi = Math.Clamp((int)Math.Ceiling((m + 1) * (1.0 - alpha)), 1, m);
            lower[b] = Math.Min(0.0, r[lo - 1]);
            upper[b] = Math.Max(0.0, r[hi - 1]);
        }

        return new ConformalBands(level, edges, lower, upper, counts);
    }
}
