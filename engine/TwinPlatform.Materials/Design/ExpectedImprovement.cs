using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// Expected improvement (Jones, Schonlau and Welch, J. Global Optim. 13 (1998) 455) of a predicted
/// distribution over the best value observed so far, and batch selection of the next experiments.
/// </summary>
public static class ExpectedImprovement
{
    /// <summary>
    /// EI = (mu - f*) Phi(z) + sigma phi(z), z = (mu - f*) / sigma, for maximisation (for minimisation
    /// mu and f* change sign); sigma is the interval's equivalent standard deviation.
    /// </summary>
    public static double Of(EnsemblePrediction prediction, double best, bool maximise = true)
    {
        var mu = maximise ? prediction.Mean - best : best - prediction.Mean;
        var sigma = prediction.EquivalentStandardDeviation;
        if (!(sigma > 0))
        {
            return Math.Max(mu, 0);
        }

        var z = mu / sigma;
        return (mu * NormalDistribution.Cdf(z)) + (sigma * NormalDistribution.Density(z));
    }

    /// <summary>
    /// The indices of the <paramref name="k"/> pool entries with the highest expected improvement,
    /// skipping an entry closer than <paramref name="minimumDistance"/> to one already chosen (so a
    /// batch does not spend several experiments on the same spot).
    /// </summary>
    /// <param name="predictions">Prediction of each pool entry.</param>
    /// <param name="best">Best value observed so far.</param>
    /// <param name="k">Batch size.</param>
    /// <param name="maximise">True to seek larger values.</param>
    /// <param name="points">Standardised design vectors of the pool, for the distance test; null to skip it.</param>
    /// <param name="minimumDistance">Smallest Euclidean distance between chosen points.</param>
    public static int[] SelectBatch(IReadOnlyList<EnsemblePrediction> predictions, double best, int k, bool maximise = true,
        IReadOnlyList<double[]>? points = null, double minimumDistance = 0)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var order = Enumerable.Range(0, predictions.Count).OrderByDescending(i => Of(predictions[i], best, maximise)).ThenBy(i => i).ToArray();
        var chosen = new List<int>();
        foreach (var i in order)
        {
            if (chosen.Count >= k)
            {
                break;
            }

            if (points is not null && minimumDistance > 0 && chosen.Any(j => Distance(points[i], points[j]) < minimumDistance))
            {
                continue;
            }

            chosen.Add(i);
        }

        return [.. chosen];
    }

    private static double Distance(double[] a, double[] b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++)
        {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return Math.Sqrt(s);
    }
}
