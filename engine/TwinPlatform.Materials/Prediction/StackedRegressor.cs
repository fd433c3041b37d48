using System.Globalization;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A stack of a bagged ML.NET tree ensemble (<see cref="ConformalEnsembleRegressor"/>), a
/// <see cref="GaussianProcessRegressor"/> and optionally a <see cref="RidgeRegressor"/>: mean
/// <c>w_t m_trees + w_g m_gp + w_r m_ridge</c> with non-negative weights adding to one, chosen on a
/// simplex grid by the mean absolute error of out-of-sample predictions of the training rows only.
/// </summary>
/// <remarks>
/// <para>Out-of-sample predictions of a training row: the trees' out-of-bag mean, the process's
/// leave-one-group-out prediction and the ridge's leave-one-out prediction. Scale of a prediction:
/// <c>sigma = w_t s_trees / med(s_trees) + w_g sd_gp / med(sd_gp) + w_r</c> (the ridge has no spread of
/// its own and counts as a constant; with cross-fitted trees, <see cref="EnsembleOptions.CrossFitFolds"/>, the
/// process's relative sd stands in for the trees' spread). Interval: <c>mean ± q (sigma + offset)</c>, with q the conformal
/// quantile of <c>|y - mean_oos| / (sigma_oos + offset)</c> over the training rows and offset the median
/// out-of-sample sigma (normalised conformal prediction, as in <see cref="BlendedRegressor"/>).</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class StackedRegressor : IIntervalRegressor
{
    private readonly double _gpScale;
    private readonly double _treeScale;
    private readonly int[] _treeColumns;
    private readonly int[] _processColumns;

    private StackedRegressor(ConformalEnsembleRegressor trees, GaussianProcessRegressor process, RidgeRegressor? ridge, double[] weights,
        double gpScale, double treeScale, ConformalCalibration calibration, double outOfSampleMae, int[] treeColumns, int[] processColumns, int featureCount)
    {
        _treeColumns = treeColumns;
        _processColumns = processColumns;
        FeatureCount = featureCount;
        Trees = trees;
        Process = process;
        Ridge = ridge;
        Weights = weights;
        _gpScale = gpScale;
        _treeScale = treeScale;
        Calibration = calibration;
        OutOfSampleMae = outOfSampleMae;
    }

    /// <summary>Whether the trees' spread enters the interval scale (bootstrap members) or the process's sd stands in for it (cross-fitted members).</summary>
    public bool TreeSpread { get; private init; }

    /// <summary>The tree ensemble.</summary>
    public ConformalEnsembleRegressor Trees { get; }

    /// <summary>The Gaussian process.</summary>
    public GaussianProcessRegressor Process { get; }

    /// <summary>The ridge regression, or null when the stack has none.</summary>
    public RidgeRegressor? Ridge { get; }

    /// <summary>Weights of the trees, the Gaussian process and the ridge, in that order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Out-of-sample mean absolute error of the chosen weights on the training rows.</summary>
    public double OutOfSampleMae { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public ConformalCalibration Calibration { get; }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"stack w=({Weights[0]:G2} trees, {Weights[1]:G2} GP, {Weights[2]:G2} ridge), oos MAE {OutOfSampleMae:F1}: {Process.Description}; {Ridge?.Description ?? "no ridge"}; {Trees.Description}");

    /// <summary>Fits the members and chooses the stacking weights.</summary>
    /// <param name="x">Training features.</param>
    /// <param name="y">Training targets.</param>
    /// <param name="groups">Training groups.</param>
    /// <param name="ensemble">Tree ensemble settings (its level is the interval level).</param>
    /// <param name="stack">Members and weight grid.</param>
    /// <param name="treeColumns">Columns of <paramref name="x"/> the trees see, or null for all.</param>
    /// <param name="processColumns">Columns of <paramref name="x"/> the Gaussian process and the ridge see, or null for all.</param>
    public static StackedRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int> groups, EnsembleOptions ensemble, StackOptions stack,
        IReadOnlyList<int>? treeColumns = null, IReadOnlyList<int>? processColumns = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(stack);
        var featureCount = x.Count > 0 ? x[0].Length : 0;
        int[] tc = treeColumns is null ? [.. Enumerable.Range(0, featureCount)] : [.. treeColumns];
        int[] pc = processColumns is null ? [.. Enumerable.Range(0, featureCount)] : [.. processColumns];
        var xt = x.Select(r => Project(r, tc)).ToArray();
        var xp = x.Select(r => Project(r, pc)).ToArray();
        if (stack.WeightStep is <= 0 or > 1)
        {
            throw new ArgumentException("the weight step must lie in (0, 1]", nameof(stack));
        }

        var trees = ConformalEnsembleRegressor.Fit(xt, y, groups, ensemble);
        var process = GaussianProcessRegressor.Fit(xp, y, groups, stack.Process);
        var ridge = stack.Ridge ? RidgeRegressor.Fit(xp, y, stack.RidgePenalties) : null;
        var oob = trees.OutOfBag!;
        var (gpOosMean, gpOosSd) = stack.ProcessRefitFolds >= 2
            ? RefitProcess(xp, y, groups, stack.Process, stack.ProcessRefitFolds, ensemble.Seed)
            : (process.LeaveOneOutMean, process.LeaveOneOutSd);
        var rows = Enumerable.Range(0, y.Count).Where(i => !double.IsNaN(oob[i].Mean)).ToArray();
        var gpScale = Median(rows.Select(i => gpOosSd[i]));
        var treeScale = Median(rows.Select(i => oob[i].Spread));
        gpScale = gpScale > 0 ? gpScale : 1;
        treeScale = treeScale > 0 ? treeScale : 1;

        // Every weight vector on the simplex grid (ridge weight 0 when there is no ridge).
        var steps = (int)Math.Round(1 / stack.WeightStep);
        var bestMae = double.PositiveInfinity;
        double[] best = [1, 0, 0];
        for (var g = 0; g <= steps; g++)
        {
            for (var r = 0; r <= (ridge is null ? 0 : steps - g); r++)
            {
                var wg = (double)g / steps;
                var wr = (double)r / steps;
                var wt = 1 - wg - wr;
                double mae = 0;
                foreach (var i in rows)
                {
                    var m = (wt * oob[i].Mean) + (wg * gpOosMean[i]) + (ridge is null ? 0 : wr * ridge.LeaveOneOutMean[i]);
                    mae += Math.Abs(y[i] - m);
                }

                mae /= rows.Length;

                // Strictly better only: ties keep the earlier (more tree-weighted) vector.
                if (mae < bestMae - 1e-12)
                {
                    bestMae = mae;
                    best = [wt, wg, wr];
                }
            }
        }

        // Cross-fitted members differ little and a row is out of bag for few of them, so their out-of-bag spread
        // does not match the spread of the whole ensemble at a query: the process's sd then stands in for it.
        var treeSpread = ensemble.CrossFitFolds < 2;
        var sigma = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var treeTerm = treeSpread ? oob[i].Spread / treeScale : gpOosSd[i] / gpScale;
            sigma[k] = (best[0] * treeTerm) + (best[1] * gpOosSd[i] / gpScale) + best[2];
        }

        var offset = Median(sigma);
        offset = offset > 0 ? offset : 1;
        var scores = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var mean = (best[0] * oob[i].Mean) + (best[1] * gpOosMean[i]) + (ridge is null ? 0 : best[2] * ridge.LeaveOneOutMean[i]);
            scores[k] = Math.Abs(y[i] - mean) / (sigma[k] + offset);
        }

        var calibration = new ConformalCalibration(ensemble.Level, ConformalCalibration.QuantileOf(scores, ensemble.Level), offset, scores.Length);
        return new StackedRegressor(trees, process, ridge, best, gpScale, treeScale, calibration, bestMae, tc, pc, featureCount) { TreeSpread = treeSpread };
    }

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (wt, wg, wr) = (Weights[0], Weights[1], Weights[2]);
        var t = Trees.Predict([.. rows.Select(r => Project(r, _treeColumns))]);
        var xp = rows.Select(r => Project(r, _processColumns)).ToArray();
        var gp = new (double Mean, double Sd)[rows.Count];
        if (wg > 0 || !TreeSpread)
        {
            // O(n^2) per query for the variance: worth spreading over the cores for large candidate sets.
            Parallel.For(0, rows.Count, i => gp[i] = Process.Predict(xp[i]));
        }

        var unit = (wt * (TreeSpread ? _treeScale : _gpScale)) + (wg * _gpScale) + (wr * Calibration.ScaleOffset);
        var result = new EnsemblePrediction[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var ridge = Ridge is null || wr == 0 ? 0 : Ridge.Predict(xp[i]);
            var mean = (wt * t[i].Mean) + (wg * gp[i].Mean) + (wr * ridge);
            var treeTerm = TreeSpread ? t[i].Spread / _treeScale : gp[i].Sd / _gpScale;
            var sigma = (wt * treeTerm) + (wg * gp[i].Sd / _gpScale) + wr;
            var half = Calibration.Quantile * (sigma + Calibration.ScaleOffset);

            // The reported spread is sigma in target units (sigma is relative to the training medians).
            result[i] = new EnsemblePrediction(mean, sigma * unit, mean - half, mean + half, Calibration.Level);
        }

        return result;
    }

    /// <summary>Out-of-fold predictions of the process, refitted (grid search included) without each fold.</summary>
    private static (double[] Mean, double[] Sd) RefitProcess(double[][] x, IReadOnlyList<double> y, IReadOnlyList<int> groups, GaussianProcessOptions options, int folds, int seed)
    {
        var n = x.Length;
        var foldOf = GroupedKFold.Assign(groups, folds, seed);
        var mean = new double[n];
        var sd = new double[n];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, n).Where(i => foldOf[i] != f).ToArray();
            var test = Enumerable.Range(0, n).Where(i => foldOf[i] == f).ToArray();
            if (test.Length == 0)
            {
                continue;
            }

            var gp = GaussianProcessRegressor.Fit([.. train.Select(i => x[i])], [.. train.Select(i => y[i])], [.. train.Select(i => groups[i])], options);
            foreach (var i in test)
            {
                (mean[i], sd[i]) = gp.Predict(x[i]);
            }
        }

        return (mean, sd);
    }

    private static double[] Project(double[] row, int[] columns)
    {
        var result = new double[columns.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            result[j] = row[columns[j]];
        }

        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        return v.Length == 0 ? 0 : v[v.Length / 2];
    }
}
