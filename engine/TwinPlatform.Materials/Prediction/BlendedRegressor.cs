using System.Globalization;
using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A blend of a bagged or cross-fitted tree ensemble (<see cref="ITreeEnsemble"/>: ML.NET members or extra trees) and a
/// <see cref="GaussianProcessRegressor"/>: mean <c>w m_gp + (1 - w) m_trees</c>, with the weight and
/// the interval calibrated on out-of-sample predictions of the training rows only.
/// </summary>
/// <remarks>
/// <para>Out-of-sample predictions of a training row: the out-of-bag mean of the members whose
/// bootstrap left its group out, and the Gaussian process's leave-one-group-out prediction. The
/// weight w minimises their blend's mean absolute error. Scale of a prediction:
/// <c>sigma = w sd_gp / med(sd_gp) + (1 - w) s_trees / med(s_trees)</c> (each relative to its
/// training median). Interval: <c>mean ± q (sigma + offset)</c> (normalised conformal prediction), with
/// q the conformal quantile of <c>|y - mean_oos| / (sigma_oos + offset)</c> over the training rows and
/// offset the median out-of-sample sigma.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class BlendedRegressor : IIntervalRegressor
{
    private readonly double _gpScale;
    private readonly double _treeScale;

    private BlendedRegressor(ITreeEnsemble trees, GaussianProcessRegressor process, double weight, double gpScale, double treeScale,
        ConformalCalibration calibration, double[] weightMae)
    {
        Trees = trees;
        Process = process;
        Weight = weight;
        _gpScale = gpScale;
        _treeScale = treeScale;
        Calibration = calibration;
        WeightMae = weightMae;
    }

    /// <summary>The tree ensemble.</summary>
    public ITreeEnsemble Trees { get; }

    /// <summary>The Gaussian process.</summary>
    public GaussianProcessRegressor Process { get; }

    /// <summary>The weight of the Gaussian process.</summary>
    public double Weight { get; }

    /// <summary>Out-of-sample MAE on the training rows of every weight tried.</summary>
    public IReadOnlyList<double> WeightMae { get; }

    /// <inheritdoc/>
    public int FeatureCount => Trees.FeatureCount;

    /// <inheritdoc/>
    public ConformalCalibration Calibration { get; }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"blend w={Weight:G2}: {Process.Description} + {Trees.Description}");

    /// <summary>Fits both models and calibrates the blend.</summary>
    /// <param name="x">Training features.</param>
    /// <param name="y">Training targets.</param>
    /// <param name="groups">Training groups.</param>
    /// <param name="ensemble">Tree ensemble settings (its level is the interval level).</param>
    /// <param name="blend">Gaussian-process grid and weights.</param>
    public static BlendedRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int> groups, EnsembleOptions ensemble, BlendOptions blend)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(blend);
        var trees = TreeEnsemble.Fit(x, y, groups, ensemble);
        var process = GaussianProcessRegressor.Fit(x, y, groups, blend.Process);
        var oob = trees.OutOfBag!;
        var rows = Enumerable.Range(0, y.Count).Where(i => !double.IsNaN(oob[i].Mean)).ToArray();
        var gpScale = RobustStatistics.Median(rows.Select(i => process.LeaveOneOutSd[i]));
        var treeScale = RobustStatistics.Median(rows.Select(i => oob[i].Spread));
        gpScale = gpScale > 0 ? gpScale : 1;
        treeScale = treeScale > 0 ? treeScale : 1;

        var weightMae = new double[blend.Weights.Count];
        var best = 0;
        for (var k = 0; k < blend.Weights.Count; k++)
        {
            var w = blend.Weights[k];
            weightMae[k] = rows.Average(i => Math.Abs(y[i] - ((w * process.LeaveOneOutMean[i]) + ((1 - w) * oob[i].Mean))));
            if (weightMae[k] < weightMae[best])
            {
                best = k;
            }
        }

        var weight = blend.Weights[best];
        var sigma = rows.Select(i => (weight * process.LeaveOneOutSd[i] / gpScale) + ((1 - weight) * oob[i].Spread / treeScale)).ToArray();
        var offset = RobustStatistics.Median(sigma);
        offset = offset > 0 ? offset : 1;
        var scores = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var mean = (weight * process.LeaveOneOutMean[i]) + ((1 - weight) * oob[i].Mean);
            scores[k] = Math.Abs(y[i] - mean) / (sigma[k] + offset);
        }

        var calibration = new ConformalCalibration(ensemble.Level, ConformalCalibration.QuantileOf(scores, ensemble.Level), offset, scores.Length);
        return new BlendedRegressor(trees, process, weight, gpScale, treeScale, calibration, weightMae);
    }

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var t = Trees.Predict(rows);
        var result = new EnsemblePrediction[rows.Count];
        var unit = (Weight * _gpScale) + ((1 - Weight) * _treeScale);
        var gp = new (double Mean, double Sd)[rows.Count];
        if (Weight > 0)
        {
            // O(n^2) per query for the variance: worth spreading over the cores for large candidate sets.
            Parallel.For(0, rows.Count, i => gp[i] = Process.Predict(rows[i]));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (gm, gs) = gp[i];
            var mean = (Weight * gm) + ((1 - Weight) * t[i].Mean);
            var sigma = (Weight * gs / _gpScale) + ((1 - Weight) * t[i].Spread / _treeScale);

            // The reported spread is sigma in target units (sigma is relative to the training medians).
            result[i] = Calibration.Interval(mean, sigma, sigma * unit);
        }

        return result;
    }
}
