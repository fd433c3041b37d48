namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// The calibration of a prediction interval by normalised conformal prediction:
/// <c>[mean - Quantile * (spread + ScaleOffset), mean + Quantile * (spread + ScaleOffset)]</c>, where
/// <c>spread</c> is the ensemble standard deviation at the query.
/// </summary>
/// <param name="Level">Target coverage of the interval, for example 0.90.</param>
/// <param name="Quantile">Conformal quantile of the normalised out-of-bag scores |y - mean| / (spread + offset).</param>
/// <param name="ScaleOffset">Added to the spread so that the scale never vanishes (median out-of-bag spread), in target units.</param>
/// <param name="CalibrationCount">Number of out-of-bag scores the quantile was taken from.</param>
public sealed record ConformalCalibration(double Level, double Quantile, double ScaleOffset, int CalibrationCount)
{
    /// <summary>The calibrated interval around <paramref name="mean"/> for the spread the scores were normalised by.</summary>
    /// <param name="mean">The prediction.</param>
    /// <param name="spread">The spread at the query, in the units the calibration's scores were normalised by.</param>
    /// <param name="reportedSpread">The spread to report, in target units (the same as <paramref name="spread"/> unless that is relative).</param>
    public EnsemblePrediction Interval(double mean, double spread, double reportedSpread)
    {
        var half = Quantile * (spread + ScaleOffset);
        return new EnsemblePrediction(mean, reportedSpread, mean - half, mean + half, Level);
    }

    /// <summary>
    /// The conformal quantile: the ceil((n+1) level)-th smallest score (Vovk et al.; Lei et al. 2018),
    /// which gives coverage of at least <paramref name="level"/> for exchangeable data. When n is too
    /// small for that rank, the largest score.
    /// </summary>
    public static double QuantileOf(ReadOnlySpan<double> scores, double level)
    {
        if (scores.Length == 0)
        {
            throw new ArgumentException("no calibration scores", nameof(scores));
        }

        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling((sorted.Length + 1) * level);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
