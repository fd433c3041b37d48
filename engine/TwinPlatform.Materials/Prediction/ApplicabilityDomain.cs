using System.Globalization;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// The applicability domain of a model: a query is in domain when (1) every feature lies within its
/// training range and (2) its Mahalanobis distance from the training data (standardised features,
/// correlation matrix shrunk towards the identity) is at most the given percentile of the
/// leave-one-group-out distances of the training rows themselves.
/// </summary>
/// <remarks>
/// <para>Leave-one-group-out: each training heat's distance is measured against statistics fitted
/// without that heat, which is the situation of a genuinely new heat. At the 99th percentile about
/// 1% of new heats drawn like the training heats are flagged.</para>
/// <para>A Mahalanobis distance needs only the mean and covariance of the training features, not
/// the rows themselves, so a committed model does not carry a copy of its training table. It treats
/// the training data as one elliptical cloud: a query between two clusters of steels can pass it,
/// and the range test is then the only guard.</para>
/// </remarks>
public sealed class ApplicabilityDomain
{
    private readonly double[] _minimum;
    private readonly double[] _maximum;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[][] _correlation;
    private readonly CholeskyFactor _factor;

    /// <summary>Creates a domain from stored statistics (see <see cref="Fit"/>).</summary>
    /// <param name="minimum">Training minimum of each feature.</param>
    /// <param name="maximum">Training maximum of each feature.</param>
    /// <param name="mean">Training mean of each feature.</param>
    /// <param name="standardDeviation">Training standard deviation of each feature (a zero is treated as one).</param>
    /// <param name="correlation">Shrunk correlation matrix of the standardised features.</param>
    /// <param name="shrinkage">Weight of the identity in the shrunk correlation matrix.</param>
    /// <param name="percentile">Percentile of the leave-one-group-out distances used as threshold.</param>
    /// <param name="threshold">Distance threshold.</param>
    public ApplicabilityDomain(
        IReadOnlyList<double> minimum,
        IReadOnlyList<double> maximum,
        IReadOnlyList<double> mean,
        IReadOnlyList<double> standardDeviation,
        IReadOnlyList<IReadOnlyList<double>> correlation,
        double shrinkage,
        double percentile,
        double threshold)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(maximum);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(standardDeviation);
        ArgumentNullException.ThrowIfNull(correlation);
        var n = minimum.Count;
        if (maximum.Count != n || mean.Count != n || standardDeviation.Count != n || correlation.Count != n)
        {
            throw new ArgumentException("every statistic needs one entry per feature");
        }

        _minimum = [.. minimum];
        _maximum = [.. maximum];
        _mean = [.. mean];
        _scale = new double[n];
        _correlation = new double[n][];
        for (var i = 0; i < n; i++)
        {
            _scale[i] = standardDeviation[i] > 0 ? standardDeviation[i] : 1.0;
            if (correlation[i].Count != n)
            {
                throw new ArgumentException($"row {i} of the correlation matrix has {correlation[i].Count} entries, expected {n}", nameof(correlation));
            }

            _correlation[i] = [.. correlation[i]];
        }

        _factor = CholeskyFactor.Of(_correlation);
        Shrinkage = shrinkage;
        Percentile = percentile;
        Threshold = threshold;
    }

    /// <summary>Number of features.</summary>
    public int FeatureCount => _minimum.Length;

    /// <summary>Training minimum of each feature.</summary>
    public IReadOnlyList<double> Minimum => _minimum;

    /// <summary>Training maximum of each feature.</summary>
    public IReadOnlyList<double> Maximum => _maximum;

    /// <summary>Training mean of each feature.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Training standard deviation of each feature (zeros replaced by one).</summary>
    public IReadOnlyList<double> StandardDeviation => _scale;

    /// <summary>The shrunk correlation matrix of the standardised features.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Correlation => _correlation;

    /// <summary>Weight of the identity in the shrunk correlation matrix.</summary>
    public double Shrinkage { get; }

    /// <summary>Percentile of the leave-one-group-out training distances used as threshold.</summary>
    public double Percentile { get; }

    /// <summary>Distance above which a query is out of domain.</summary>
    public double Threshold { get; }

    /// <summary>Fits the domain to training rows.</summary>
    /// <param name="rows">Training feature vectors.</param>
    /// <param name="groups">Group (heat) of each row, for the leave-one-group-out threshold.</param>
    /// <param name="shrinkage">Weight of the identity in the correlation matrix (regularises near-collinear features).</param>
    /// <param name="percentile">Percentile of the leave-one-group-out distances that sets the threshold.</param>
    public static ApplicabilityDomain Fit(IReadOnlyList<double[]> rows, IReadOnlyList<int> groups, double shrinkage = 0.1, double percentile = 0.99)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(groups);
        if (rows.Count < 3 || groups.Count != rows.Count)
        {
            throw new ArgumentException("need at least three rows, each with a group");
        }

        if (shrinkage is <= 0 or > 1 || percentile is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(shrinkage), "expected 0 < shrinkage <= 1 and 0 < percentile < 1");
        }

        var all = new List<int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            all.Add(i);
        }

        var distances = new List<double>(rows.Count);
        foreach (var g in new SortedSet<int>(groups))
        {
            var inside = new List<int>();
            var outside = new List<int>();
            for (var i = 0; i < rows.Count; i++)
            {
                (groups[i] == g ? outside : inside).Add(i);
            }

            if (inside.Count < 3)
            {
                continue;
            }

            var partial = FromRows(rows, inside, shrinkage, percentile, 0);
            foreach (var i in outside)
            {
                distances.Add(partial.Distance(rows[i]));
            }
        }

        var sorted = distances.ToArray();
        Array.Sort(sorted);
        return FromRows(rows, all, shrinkage, percentile, Quantile(sorted, percentile));
    }

    /// <summary>Mahalanobis distance of a query from the training data.</summary>
    public double Distance(ReadOnlySpan<double> features)
    {
        RequireLength(features);
        Span<double> z = features.Length <= 64 ? stackalloc double[features.Length] : new double[features.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = (features[i] - _mean[i]) / _scale[i];
        }

        return Math.Sqrt(_factor.InverseQuadraticForm(z));
    }

    /// <summary>Checks a query; <paramref name="features"/> names the features in the reason.</summary>
    public DomainCheck Check(ReadOnlySpan<double> x, IReadOnlyList<FeatureDescription>? features = null)
    {
        RequireLength(x);
        var c = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        for (var i = 0; i < x.Length; i++)
        {
            // A relative slack of 1e-9 absorbs unit round trips (degC -> K -> degC).
            var slack = 1e-9 * Math.Max(1.0, Math.Abs(_maximum[i]));
            if (x[i] < _minimum[i] - slack || x[i] > _maximum[i] + slack)
            {
                var name = features is not null ? features[i].Name : $"feature {i}";
                var unit = features is not null && features[i].Unit != "1" ? " " + features[i].Unit : string.Empty;
                reasons.Add($"{name} = {x[i].ToString("G4", c)}{unit} is outside the training range [{_minimum[i].ToString("G4", c)}, {_maximum[i].ToString("G4", c)}]{unit}");
            }
        }

        var d = Distance(x);
        if (d > Threshold)
        {
            reasons.Add($"Mahalanobis distance {d.ToString("G3", c)} from the training data exceeds the {(Percentile * 100).ToString("G3", c)}th-percentile threshold {Threshold.ToString("G3", c)}");
        }

        return new DomainCheck(reasons.Count == 0, d, Threshold, string.Join("; ", reasons));
    }

    private static ApplicabilityDomain FromRows(IReadOnlyList<double[]> rows, List<int> use, double shrinkage, double percentile, double threshold)
    {
        var p = rows[use[0]].Length;
        var n = use.Count;
        var min = new double[p];
        var max = new double[p];
        var mean = new double[p];
        var sd = new double[p];
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        foreach (var i in use)
        {
            for (var j = 0; j < p; j++)
            {
                min[j] = Math.Min(min[j], rows[i][j]);
                max[j] = Math.Max(max[j], rows[i][j]);
                mean[j] += rows[i][j] / n;
            }
        }

        foreach (var i in use)
        {
            for (var j = 0; j < p; j++)
            {
                sd[j] += (rows[i][j] - mean[j]) * (rows[i][j] - mean[j]) / (n - 1);
            }
        }

        for (var j = 0; j < p; j++)
        {
            sd[j] = sd[j] > 0 ? Math.Sqrt(sd[j]) : 1.0;
        }

        var corr = new double[p][];
        for (var a = 0; a < p; a++)
        {
            corr[a] = new double[p];
        }

        foreach (var i in use)
        {
            for (var a = 0; a < p; a++)
            {
                var za = (rows[i][a] - mean[a]) / sd[a];
                for (var b = 0; b <= a; b++)
                {
                    corr[a][b] += za * (rows[i][b] - mean[b]) / sd[b] / (n - 1);
                }
            }
        }

        // Shrink towards the identity: (1 - s) R + s I is positive definite for any s > 0.
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < a; b++)
            {
                corr[a][b] *= 1.0 - shrinkage;
                corr[b][a] = corr[a][b];
            }

            corr[a][a] = ((1.0 - shrinkage) * corr[a][a]) + shrinkage;
        }

        var rowsAsLists = new IReadOnlyList<double>[p];
        for (var a = 0; a < p; a++)
        {
            rowsAsLists[a] = corr[a];
        }

        return new ApplicabilityDomain(min, max, mean, sd, rowsAsLists, shrinkage, percentile, threshold);
    }

    private static double Quantile(double[] sorted, double p)
    {
        // Hyndman and Fan type 7, as in UncertainValue.FromSamples.
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private void RequireLength(ReadOnlySpan<double> x)
    {
        if (x.Length != _minimum.Length)
        {
            throw new ArgumentException($"expected {_minimum.Length} features, found {x.Length}", nameof(x));
        }
    }
}
