using System.Globalization;

namespace TwinPlatform.Core.Uncertainty;

/// <summary>
/// A value with its uncertainty: mean, standard deviation and a central interval at a stated
/// confidence level. The interval need not be symmetric (conformal and quantile intervals are not).
/// </summary>
/// <param name="Mean">Best estimate, in SI.</param>
/// <param name="StandardDeviation">Standard uncertainty (one sigma), in SI; zero for an exact value.</param>
/// <param name="Lower">Lower end of the interval, in SI.</param>
/// <param name="Upper">Upper end of the interval, in SI.</param>
/// <param name="Level">Coverage probability of [Lower, Upper], for example 0.90.</param>
public readonly record struct UncertainValue(double Mean, double StandardDeviation, double Lower, double Upper, double Level)
{
    /// <summary>An exact value: zero spread.</summary>
    public static UncertainValue Exact(double value) => new(value, 0.0, value, value, 1.0);

    /// <summary>A normally distributed value with the central interval at <paramref name="level"/>.</summary>
    public static UncertainValue Normal(double mean, double standardDeviation, double level = 0.90)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        if (level is <= 0.0 or >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level lies strictly between 0 and 1");
        }

        var z = NormalDistribution.Quantile(0.5 + (level / 2.0));
        return new(mean, standardDeviation, mean - (z * standardDeviation), mean + (z * standardDeviation), level);
    }

    /// <summary>
    /// Summarises samples (ensemble members, Monte Carlo draws): mean, sample standard deviation and
    /// the empirical central interval at <paramref name="level"/>.
    /// </summary>
    public static UncertainValue FromSamples(ReadOnlySpan<double> samples, double level = 0.90)
    {
        if (samples.Length == 0)
        {
            throw new ArgumentException("at least one sample is needed", nameof(samples));
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        double mean = 0;
        foreach (var s in sorted)
        {
            mean += s;
        }

        mean /= sorted.Length;
        double ss = 0;
        foreach (var s in sorted)
        {
            ss += (s - mean) * (s - mean);
        }

        var sd = sorted.Length > 1 ? Math.Sqrt(ss / (sorted.Length - 1)) : 0.0;
        var alpha = (1.0 - level) / 2.0;
        return new(mean, sd, Percentile(sorted, alpha), Percentile(sorted, 1.0 - alpha), level);
    }

    /// <summary>Width of the interval.</summary>
    public double Width => Upper - Lower;

    /// <summary>Relative standard uncertainty, sd / |mean|.</summary>
    public double RelativeStandardDeviation => Mean == 0 ? double.PositiveInfinity : StandardDeviation / Math.Abs(Mean);

    /// <summary>True if <paramref name="value"/> lies inside [Lower, Upper].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The value multiplied by a constant (interval and spread scale with it).</summary>
    public UncertainValue Scale(double factor) => factor >= 0
        ? new(Mean * factor, StandardDeviation * factor, Lower * factor, Upper * factor, Level)
        : new(Mean * factor, -StandardDeviation * factor, Upper * factor, Lower * factor, Level);

    /// <summary>
    /// 1/x to first order: mean 1/m, sd s/m^2; the interval maps exactly because 1/x is monotone
    /// on an interval not containing zero.
    /// </summary>
    public UncertainValue Reciprocal()
    {
        if (Lower <= 0 && Upper >= 0)
        {
            throw new InvalidOperationException("the reciprocal of an interval containing zero is unbounded");
        }

        return new(1.0 / Mean, StandardDeviation / (Mean * Mean), 1.0 / Upper, 1.0 / Lower, Level);
    }

    /// <summary>Formats as <c>mean ± sd [lower, upper]@level</c> after dividing by <paramref name="unitScale"/>.</summary>
    public string ToString(double unitScale, string format = "G4")
    {
        var c = CultureInfo.InvariantCulture;
        return $"{(Mean / unitScale).ToString(format, c)} ± {(StandardDeviation / unitScale).ToString(format, c)} " +
               $"[{(Lower / unitScale).ToString(format, c)}, {(Upper / unitScale).ToString(format, c)}]@{Level.ToString("P0", c)}";
    }

    /// <inheritdoc/>
    public override string ToString() => ToString(1.0);

    private static double Percentile(double[] sorted, double p)
    {
        // Linear interpolation between order statistics (Hyndman & Fan type 7).
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
