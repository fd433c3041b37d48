namespace TwinPlatform.Materials.Prediction;

/// <summary>Per-column mean and population variance of a feature matrix, for the regressors that standardise their inputs.</summary>
internal static class ColumnMoments
{
    /// <summary>The mean and the population variance (divided by n) of every column of <paramref name="x"/>.</summary>
    /// <param name="x">Rows of equal length; at least one.</param>
    public static (double[] Mean, double[] Variance) Of(IReadOnlyList<double[]> x)
    {
        var n = x.Count;
        var p = x[0].Length;
        var mean = new double[p];
        var variance = new double[p];
        for (var j = 0; j < p; j++)
        {
            for (var i = 0; i < n; i++)
            {
                mean[j] += x[i][j] / n;
            }

            for (var i = 0; i < n; i++)
            {
                variance[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / n;
            }
        }

        return (mean, variance);
    }
}
