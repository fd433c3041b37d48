using System.Globalization;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Extremely randomised trees (<see cref="ExtraTree"/>, Geurts, Ernst and Wehenkel 2006) with a conformal interval: every
/// member is one tree grown on a grouped bootstrap sample or, with <see cref="EnsembleOptions.CrossFitFolds"/>, on all but one
/// fold of the training groups; the interval is calibrated on out-of-bag predictions exactly as for
/// <see cref="ConformalEnsembleRegressor"/>.
/// </summary>
/// <remarks>
/// <para>Settings used: <see cref="EnsembleOptions.EnsembleSize"/> (trees), <see cref="EnsembleOptions.MinimumExampleCountPerLeaf"/>,
/// <see cref="EnsembleOptions.FeatureFraction"/> (share of the features tried at a node; 1 tries all, the usual choice for
/// regression), <see cref="EnsembleOptions.CrossFitFolds"/>, <see cref="EnsembleOptions.Aggregation"/>, level, seed and
/// parallelism. Boosting settings do not apply.</para>
/// <para>Cuts are drawn uniformly between a feature's extremes in the node, so the trees do not depend on the scale of a feature.</para>
/// <para>Thread-safe after fitting.</para>
/// </remarks>
public sealed class ExtraTreesRegressor : ITreeEnsemble
{
    private readonly ExtraTree[] _trees;
    private readonly EnsembleOptions _options;

    private ExtraTreesRegressor(ExtraTree[] trees, EnsembleOptions options, int featureCount, ConformalCalibration calibration, (double Mean, double Spread)[] outOfBag)
    {
        _trees = trees;
        _options = options;
        FeatureCount = featureCount;
        Calibration = calibration;
        OutOfBag = outOfBag;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public ConformalCalibration Calibration { get; }

    /// <inheritdoc/>
    public IReadOnlyList<(double Mean, double Spread)>? OutOfBag { get; }

    /// <summary>Number of trees.</summary>
    public int EnsembleSize => _trees.Length;

    /// <summary>Mean number of nodes per tree.</summary>
    public double MeanNodeCount => _trees.Average(t => t.NodeCount);

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"extra trees x{EnsembleSize}{(_options.Aggregation == EnsembleAggregation.Mean ? string.Empty : $" {_options.Aggregation}")}{(_options.CrossFitFolds >= 2 ? $" cross-fit {_options.CrossFitFolds}-fold" : string.Empty)} (min leaf {_options.MinimumExampleCountPerLeaf}, feature fraction {_options.FeatureFraction:G3}, {MeanNodeCount:F0} nodes per tree)");

    /// <summary>Grows the trees and calibrates the interval on out-of-bag residuals.</summary>
    /// <param name="features">Feature vectors, one per row.</param>
    /// <param name="targets">Target value of each row.</param>
    /// <param name="groups">Group of each row (rows of one group are resampled together).</param>
    /// <param name="options">Ensemble settings (<see cref="EnsembleOptions.Learner"/> is not read).</param>
    public static ExtraTreesRegressor Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, IReadOnlyList<int> groups, EnsembleOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = features.Count;
        if (n < 10 || targets.Count != n || groups.Count != n)
        {
            throw new ArgumentException($"need at least 10 rows with one target and one group each (rows {n}, targets {targets.Count}, groups {groups.Count})");
        }

        if (options.HuberRefit)
        {
            throw new ArgumentException("extra trees take no Huber refit", nameof(options));
        }

        var featureCount = features[0].Length;
        for (var i = 0; i < n; i++)
        {
            if (features[i].Length != featureCount || !double.IsFinite(targets[i]))
            {
                throw new ArgumentException($"row {i}: expected {featureCount} features and a finite target");
            }
        }

        var (groupOf, groupCount) = MemberSampling.Renumber(groups);
        if (groupCount < 5)
        {
            throw new ArgumentException($"need at least 5 groups for a grouped bootstrap, found {groupCount}", nameof(groups));
        }

        var (counts, seeds) = MemberSampling.Draw(options, groupCount);
        var candidates = Math.Clamp((int)Math.Round(options.FeatureFraction * featureCount), 1, featureCount);
        var trees = new ExtraTree[seeds.Length];
        var predictions = new double[seeds.Length][];
        Parallel.For(0, seeds.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, m =>
        {
            var rows = new List<int>(n + (n / 2));
            for (var i = 0; i < n; i++)
            {
                for (var c = counts[m][groupOf[i]]; c > 0; c--)
                {
                    rows.Add(i);
                }
            }

            trees[m] = ExtraTree.Grow(features, targets, [.. rows], options.MinimumExampleCountPerLeaf, candidates, new Random(seeds[m]));
            var p = new double[n];
            for (var i = 0; i < n; i++)
            {
                p[i] = trees[m].Predict(features[i]);
            }

            predictions[m] = p;
        });
        var outOfBag = MemberSampling.OutOfBag(predictions, counts, groupOf, options.Aggregation);
        return new ExtraTreesRegressor(trees, options, featureCount, MemberSampling.Calibrate(outOfBag, targets, options.Level), outOfBag);
    }

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new EnsemblePrediction[rows.Count];
        var values = new double[_trees.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != FeatureCount)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} features, the model takes {FeatureCount}", nameof(rows));
            }

            for (var m = 0; m < _trees.Length; m++)
            {
                values[m] = _trees[m].Predict(rows[i]);
            }

            var (center, spread) = MemberSampling.Summarise(values, _options.Aggregation);
            result[i] = Calibration.Interval(center, spread, spread);
        }

        return result;
    }
}
