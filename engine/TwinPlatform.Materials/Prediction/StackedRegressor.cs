using System.Globalization;
using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A stack of a bagged or cross-fitted tree ensemble (<see cref="ITreeEnsemble"/>: ML.NET members or extra trees), a
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
/// <para>Optional members (<see cref="StackOptions"/>) join the same weight search with their own out-of-sample predictions: a
/// second tree ensemble (out-of-bag), nearest neighbours (leave-one-out), a second process and the trees plus a process of their
/// residuals (both refitted on inner folds like the process). In sigma the forest and the neighbours count as constants like the
/// ridge, the two processes by their relative sd.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class StackedRegressor : IIntervalRegressor
{
    /// <summary>Trees, process, ridge, second tree ensemble, nearest neighbours, second process, trees plus residual process.</summary>
    private const int Members = 7;

    private readonly double _gpScale;
    private readonly double _secondScale;
    private readonly int[]? _secondColumns;
    private readonly double _treeScale;
    private readonly int[] _treeColumns;
    private readonly int[] _processColumns;

    private StackedRegressor(ITreeEnsemble trees, GaussianProcessRegressor process, RidgeRegressor? ridge, ITreeEnsemble? forest, NearestNeighbourRegressor? neighbours,
        GaussianProcessRegressor? secondProcess, int[]? secondColumns, double secondScale,
        double[] weights, double gpScale, double treeScale, ConformalCalibration calibration, double outOfSampleMae, int[] treeColumns, int[] processColumns, int featureCount)
    {
        SecondProcess = secondProcess;
        _secondColumns = secondColumns;
        _secondScale = secondScale;
        Forest = forest;
        Neighbours = neighbours;
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
    public ITreeEnsemble Trees { get; }

    /// <summary>The Gaussian process.</summary>
    public GaussianProcessRegressor Process { get; }

    /// <summary>The ridge regression, or null when the stack has none.</summary>
    public RidgeRegressor? Ridge { get; }

    /// <summary>The second tree ensemble (<see cref="StackOptions.Forest"/>), or null.</summary>
    public ITreeEnsemble? Forest { get; }

    /// <summary>The nearest-neighbour regression (<see cref="StackOptions.NearestNeighbours"/>), or null.</summary>
    public NearestNeighbourRegressor? Neighbours { get; }

    /// <summary>A second Gaussian process on its own feature columns (for example mass instead of atom fractions), or null.</summary>
    public GaussianProcessRegressor? SecondProcess { get; }

    /// <summary>
    /// A Gaussian process on the process's features fitted to the trees' out-of-bag residuals (<see cref="StackOptions.ResidualProcess"/>),
    /// or null; its member predicts <c>m_trees + m_residual</c> (regression kriging with the trees as the trend).
    /// </summary>
    public GaussianProcessRegressor? ResidualProcess { get; private init; }

    /// <summary>Median out-of-sample sd of the residual process (its unit in the interval scale).</summary>
    private double ResidualScale { get; init; } = 1;

    /// <summary>
    /// Weights of the trees, the Gaussian process, the ridge, the second tree ensemble, the nearest neighbours, the second
    /// process and the trees plus residual process, in that order (0 for absent members).
    /// </summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>
    /// With <see cref="StackOptions.GateByProcessSd"/>: the weights of queries whose process sd exceeds the median out-of-sample
    /// process sd of the training rows (<see cref="Weights"/> then serve the others); null without the gate.
    /// </summary>
    public IReadOnlyList<double>? FarWeights { get; private init; }

    /// <summary>Out-of-sample mean absolute error of the chosen weights on the training rows.</summary>
    public double OutOfSampleMae { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public ConformalCalibration Calibration { get; }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"stack {(FarWeights is { } far ? $"far w=({far[0]:G2} trees, {far[1]:G2} GP, {far[2]:G2} ridge{(Forest is null ? string.Empty : $", {far[3]:G2} forest")}{(Neighbours is null ? string.Empty : $", {far[4]:G2} kNN")}{(SecondProcess is null ? string.Empty : $", {far[5]:G2} GP2")}{(ResidualProcess is null ? string.Empty : $", {far[6]:G2} trees+residual GP")}), near " : string.Empty)}w=({Weights[0]:G2} trees, {Weights[1]:G2} GP, {Weights[2]:G2} ridge{(Forest is null ? string.Empty : $", {Weights[3]:G2} forest")}{(Neighbours is null ? string.Empty : $", {Weights[4]:G2} kNN")}{(SecondProcess is null ? string.Empty : $", {Weights[5]:G2} GP2")}{(ResidualProcess is null ? string.Empty : $", {Weights[6]:G2} trees+residual GP")}), oos MAE {OutOfSampleMae:F1}: " +
        $"{Process.Description}; {Ridge?.Description ?? "no ridge"}; {Trees.Description}{(Forest is null ? string.Empty : "; forest " + Forest.Description)}{(Neighbours is null ? string.Empty : "; " + Neighbours.Description)}{(SecondProcess is null ? string.Empty : "; GP2 " + SecondProcess.Description)}{(ResidualProcess is null ? string.Empty : "; residual " + ResidualProcess.Description)}");

    /// <summary>Fits the members and chooses the stacking weights.</summary>
    /// <param name="x">Training features.</param>
    /// <param name="y">Training targets.</param>
    /// <param name="groups">Training groups.</param>
    /// <param name="ensemble">Tree ensemble settings (its level is the interval level).</param>
    /// <param name="stack">Members and weight grid.</param>
    /// <param name="treeColumns">Columns of <paramref name="x"/> the trees see, or null for all.</param>
    /// <param name="processColumns">Columns of <paramref name="x"/> the Gaussian process and the ridge see, or null for all.</param>
    /// <param name="secondProcessColumns">Columns of a second Gaussian process (same grid, its own out-of-sample predictions), or null for none.</param>
    public static StackedRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int> groups, EnsembleOptions ensemble, StackOptions stack,
        IReadOnlyList<int>? treeColumns = null, IReadOnlyList<int>? processColumns = null, IReadOnlyList<int>? secondProcessColumns = null)
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

        var trees = TreeEnsemble.Fit(xt, y, groups, ensemble);
        var process = GaussianProcessRegressor.Fit(xp, y, groups, stack.Process);
        var ridge = stack.Ridge ? RidgeRegressor.Fit(xp, y, stack.RidgePenalties) : null;
        var forest = stack.Forest is { } fo ? TreeEnsemble.Fit(xt, y, groups, fo with { Level = ensemble.Level, Seed = ensemble.Seed + 7919, MaxDegreeOfParallelism = ensemble.MaxDegreeOfParallelism }) : null;
        var neighbours = stack.NearestNeighbours is { } ks ? NearestNeighbourRegressor.Fit(xp, y, ks) : null;
        int[]? sc = secondProcessColumns is null ? null : [.. secondProcessColumns];
        var x2 = sc is null ? null : x.Select(r => Project(r, sc)).ToArray();
        var second = x2 is null ? null : GaussianProcessRegressor.Fit(x2, y, groups, stack.Process);
        var (secondOosMean, secondOosSd) = second is null ? (new double[y.Count], new double[y.Count])
            : stack.ProcessRefitFolds >= 2 ? RefitProcess(x2!, y, groups, stack.Process, stack.ProcessRefitFolds, ensemble.Seed)
            : ([.. second.LeaveOneOutMean], [.. second.LeaveOneOutSd]);
        var secondScale = second is null ? 1 : RobustStatistics.Median(secondOosSd);
        secondScale = secondScale > 0 ? secondScale : 1;
        var oob = trees.OutOfBag!;
        var forestOob = forest?.OutOfBag;
        var (residual, residualOosMean, residualOosSd) = stack.ResidualProcess ? FitResidualProcess(xp, y, groups, oob, stack, ensemble.Seed) : (null, new double[y.Count], new double[y.Count]);
        var residualScale = residual is null ? 1 : RobustStatistics.Median(residualOosSd.Where((_, i) => !double.IsNaN(oob[i].Mean)));
        residualScale = residualScale > 0 ? residualScale : 1;
        var (gpOosMean, gpOosSd) = stack.ProcessRefitFolds >= 2
            ? RefitProcess(xp, y, groups, stack.Process, stack.ProcessRefitFolds, ensemble.Seed)
            : (process.LeaveOneOutMean, process.LeaveOneOutSd);
        var rows = Enumerable.Range(0, y.Count).Where(i => !double.IsNaN(oob[i].Mean) && (forestOob is null || !double.IsNaN(forestOob[i].Mean))).ToArray();
        var gpScale = RobustStatistics.Median(rows.Select(i => gpOosSd[i]));
        var treeScale = RobustStatistics.Median(rows.Select(i => oob[i].Spread));
        gpScale = gpScale > 0 ? gpScale : 1;
        treeScale = treeScale > 0 ? treeScale : 1;

        // Out-of-sample predictions of each member (absent members: zeros, weight 0).
        var oos = new double[Members][];
        oos[0] = [.. oob.Select(o => o.Mean)];
        oos[1] = [.. gpOosMean];
        oos[2] = ridge is null ? new double[y.Count] : [.. ridge.LeaveOneOutMean];
        oos[3] = forestOob is null ? new double[y.Count] : [.. forestOob.Select(o => o.Mean)];
        oos[4] = neighbours is null ? new double[y.Count] : [.. neighbours.LeaveOneOutMean];
        oos[5] = secondOosMean;
        oos[6] = [.. oos[0].Select((t, i) => t + residualOosMean[i])];
        bool[] present = [true, true, ridge is not null, forest is not null, neighbours is not null, second is not null, residual is not null];
        var steps = (int)Math.Round(1 / stack.WeightStep);
        var (best, bestMae) = ChooseWeights(oos, y, rows, present, steps);
        double[]? far = null;
        if (stack.GateByProcessSd)
        {
            // Near rows (process sd at most its median) and far rows each get their own weights; the reported MAE is over both.
            var nearRows = rows.Where(i => gpOosSd[i] <= gpScale).ToArray();
            var farRows = rows.Where(i => gpOosSd[i] > gpScale).ToArray();
            if (nearRows.Length > 0 && farRows.Length > 0)
            {
                var (nearWeights, nearMae) = ChooseWeights(oos, y, nearRows, present, steps);
                var (farWeights, farMae) = ChooseWeights(oos, y, farRows, present, steps);
                (best, far) = (nearWeights, farWeights);
                bestMae = ((nearMae * nearRows.Length) + (farMae * farRows.Length)) / rows.Length;
            }
            else
            {
                far = best;
            }
        }

        // Cross-fitted members differ little and a row is out of bag for few of them, so their out-of-bag spread
        // does not match the spread of the whole ensemble at a query: the process's sd then stands in for it.
        var treeSpread = ensemble.CrossFitFolds < 2;
        var sigma = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var w = far is not null && gpOosSd[i] > gpScale ? far : best;
            var treeTerm = treeSpread ? oob[i].Spread / treeScale : gpOosSd[i] / gpScale;
            sigma[k] = (w[0] * treeTerm) + (w[1] * gpOosSd[i] / gpScale) + w[2] + w[3] + w[4] + (w[5] * secondOosSd[i] / secondScale) + (w[6] * residualOosSd[i] / residualScale);
        }

        var offset = RobustStatistics.Median(sigma);
        offset = offset > 0 ? offset : 1;
        var scores = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var mean = Combine(far is not null && gpOosSd[i] > gpScale ? far : best, oos, i);
            scores[k] = Math.Abs(y[i] - mean) / (sigma[k] + offset);
        }

        var calibration = new ConformalCalibration(ensemble.Level, ConformalCalibration.QuantileOf(scores, ensemble.Level), offset, scores.Length);
        return new StackedRegressor(trees, process, ridge, forest, neighbours, second, sc, secondScale, best, gpScale, treeScale, calibration, bestMae, tc, pc, featureCount)
        {
            TreeSpread = treeSpread,
            FarWeights = far,
            ResidualProcess = residual,
            ResidualScale = residualScale,
        };
    }

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var far = FarWeights;
        bool Uses(int member) => Weights[member] > 0 || (far is not null && far[member] > 0);
        var xt = rows.Select(r => Project(r, _treeColumns)).ToArray();
        var t = Trees.Predict(xt);
        var forest = Forest is null || !Uses(3) ? null : Forest.Predict(xt);
        var xp = rows.Select(r => Project(r, _processColumns)).ToArray();
        var gp = new (double Mean, double Sd)[rows.Count];
        if (Uses(1) || !TreeSpread || far is not null)
        {
            // O(n^2) per query for the variance: worth spreading over the cores for large candidate sets.
            Parallel.For(0, rows.Count, i => gp[i] = Process.Predict(xp[i]));
        }

        var second = new (double Mean, double Sd)[rows.Count];
        if (SecondProcess is { } sp && Uses(5))
        {
            var x2 = rows.Select(r => Project(r, _secondColumns!)).ToArray();
            Parallel.For(0, rows.Count, i => second[i] = sp.Predict(x2[i]));
        }

        var hybrid = new (double Mean, double Sd)[rows.Count];
        if (ResidualProcess is { } rp && Uses(6))
        {
            Parallel.For(0, rows.Count, i => hybrid[i] = rp.Predict(xp[i]));
        }

        var result = new EnsemblePrediction[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var w = far is not null && gp[i].Sd > _gpScale ? far : Weights;
            var (wt, wg, wr, wf, wk, w2, wh) = (w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
            var unit = (wt * (TreeSpread ? _treeScale : _gpScale)) + (wg * _gpScale) + ((wr + wf + wk) * Calibration.ScaleOffset) + (w2 * _secondScale) + (wh * ResidualScale);
            var ridge = Ridge is null || wr == 0 ? 0 : Ridge.Predict(xp[i]);
            var mean = (wt * t[i].Mean) + (wg * gp[i].Mean) + (wr * ridge) + (forest is null ? 0 : wf * forest[i].Mean) + (Neighbours is null || wk == 0 ? 0 : wk * Neighbours.Predict(xp[i])) + (w2 * second[i].Mean) + (wh == 0 ? 0 : wh * (t[i].Mean + hybrid[i].Mean));
            var treeTerm = TreeSpread ? t[i].Spread / _treeScale : gp[i].Sd / _gpScale;
            var sigma = (wt * treeTerm) + (wg * gp[i].Sd / _gpScale) + wr + wf + wk + (w2 * second[i].Sd / _secondScale) + (wh * hybrid[i].Sd / ResidualScale);

            // The reported spread is sigma in target units (sigma is relative to the training medians).
            result[i] = Calibration.Interval(mean, sigma, sigma * unit);
        }

        return result;
    }

    /// <summary>
    /// The weight vector on the simplex grid (multiples of 1/steps, absent members at 0) with the lowest mean absolute
    /// error of the out-of-sample predictions; the trees take the remainder. Vectors are visited with the process's weight
    /// outermost, then the ridge's, the forest's and the neighbours'; only a strictly better vector replaces the best, so ties
    /// keep the earlier (more tree-weighted) vector.
    /// </summary>
    private static (double[] Weights, double Mae) ChooseWeights(double[][] oos, IReadOnlyList<double> y, int[] rows, bool[] present, int steps)
    {
        var bestMae = double.PositiveInfinity;
        double[] best = [1, 0, 0, 0, 0, 0, 0];
        var w = new double[Members];
        var counts = new int[Members];
        void Visit(int member, int left)
        {
            if (member == Members)
            {
                for (var m = 1; m < Members; m++)
                {
                    w[m] = (double)counts[m] / steps;
                }

                w[0] = 1;
                for (var m = 1; m < Members; m++)
                {
                    w[0] -= w[m];
                }

                double mae = 0;
                foreach (var i in rows)
                {
                    mae += Math.Abs(y[i] - Combine(w, oos, i));
                }

                mae /= rows.Length;
                if (mae < bestMae - 1e-12)
                {
                    bestMae = mae;
                    best = (double[])w.Clone();
                }

                return;
            }

            for (var c = 0; c <= (present[member] ? left : 0); c++)
            {
                counts[member] = c;
                Visit(member + 1, left - c);
            }
        }

        Visit(1, steps);
        return (best, bestMae);
    }

    private static double Combine(double[] w, double[][] oos, int i)
    {
        double m = 0;
        for (var k = 0; k < Members; k++)
        {
            if (w[k] != 0)
            {
                m += w[k] * oos[k][i];
            }
        }

        return m;
    }

    /// <summary>
    /// The residual process: a Gaussian process fitted to the trees' out-of-bag residuals <c>y - m_oob</c> of the rows that
    /// have them, and its out-of-sample predictions of those residuals (refitted on inner folds, or closed-form leave-one-group-out).
    /// </summary>
    private static (GaussianProcessRegressor Process, double[] Mean, double[] Sd) FitResidualProcess(double[][] xp, IReadOnlyList<double> y, IReadOnlyList<int> groups,
        IReadOnlyList<(double Mean, double Spread)> oob, StackOptions stack, int seed)
    {
        var rows = Enumerable.Range(0, y.Count).Where(i => !double.IsNaN(oob[i].Mean)).ToArray();
        var x = rows.Select(i => xp[i]).ToArray();
        var r = rows.Select(i => y[i] - oob[i].Mean).ToArray();
        var g = rows.Select(i => groups[i]).ToArray();
        var process = GaussianProcessRegressor.Fit(x, r, g, stack.Process);
        var (mean, sd) = stack.ProcessRefitFolds >= 2 ? RefitProcess(x, r, g, stack.Process, stack.ProcessRefitFolds, seed)
            : ([.. process.LeaveOneOutMean], [.. process.LeaveOneOutSd]);
        var fullMean = new double[y.Count];
        var fullSd = new double[y.Count];
        for (var k = 0; k < rows.Length; k++)
        {
            fullMean[rows[k]] = mean[k];
            fullSd[rows[k]] = sd[k];
        }

        return (process, fullMean, fullSd);
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
}
