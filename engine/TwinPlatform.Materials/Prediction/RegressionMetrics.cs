namespace TwinPlatform.Materials.Prediction;

/// <summary>Accuracy and interval quality of predictions against held-out values, in target units.</summary>
/// <param name="Count">Number of predictions.</param>
/// <param name="MeanAbsoluteError">Mean |y - mean|.</param>
/// <param name="RootMeanSquareError">sqrt(mean (y - mean)^2).</param>
/// <param name="RSquared">1 - SSE / SST (SST about the mean of the held-out values).</param>
/// <param name="Coverage">Fraction of held-out values inside their interval.</param>
/// <param name="MeanWidth">Mean interval width.</param>
/// <param name="Level">Target coverage of the intervals.</param>
public sealed record RegressionMetrics(int Count, double MeanAbsoluteError, double RootMeanSquareError, double RSquared, double Coverage, double MeanWidth, double Level)
{
    /// <summary>Computes the metrics of predictions against actual values.</summary>
    public static RegressionMetrics Of(IReadOnlyList<EnsemblePrediction> predictions, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(actual);
        var n = predictions.Count;
        if (n == 0 || actual.Count != n)
        {
            throw new ArgumentException($"need as many actual values as predictions (predictions {n}, actual {actual.Count})");
        }

        double mean = 0;
        for (var i = 0; i < n; i++)
        {
            mean += actual[i];
        }

        mean /= n;
        double abs = 0, sse = 0, sst = 0, width = 0;
        var covered = 0;
        for (var i = 0; i < n; i++)
        {
            var e = actual[i] - predictions[i].Mean;
            abs += Math.Abs(e);
            sse += e * e;
            sst += (actual[i] - mean) * (actual[i] - mean);
            width += predictions[i].Width;
            if (predictions[i].Covers(actual[i]))
            {
                covered++;
            }
        }

        return new RegressionMetrics(n, abs / n, Math.Sqrt(sse / n), sst > 0 ? 1.0 - (sse / sst) : double.NaN,
            (double)covered / n, width / n, predictions[0].Level);
    }
}
