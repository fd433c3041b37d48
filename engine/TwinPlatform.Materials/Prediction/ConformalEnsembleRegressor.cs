using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A regressor with an honest prediction interval: a bootstrap ensemble of ML.NET FastTree
/// (gradient-boosted trees) regressors, bootstrapped by group (heat), whose 90% interval is
/// calibrated by normalised conformal prediction on out-of-bag residuals.
/// </summary>
/// <remarks>
/// <para>Mean: the ensemble mean. Spread: the standard deviation between members. Interval:
/// <c>mean ± q (spread + offset)</c> with <c>q</c> the conformal quantile of the out-of-bag scores
/// <c>|y - oob mean| / (oob spread + offset)</c> and <c>offset</c> the median out-of-bag spread.
/// This is the jackknife+-after-bootstrap idea of Kim, Xu and Barber (NeurIPS 2020) with the
/// locally weighted scores of Lei et al. (JASA 2018), in its simple symmetric form.</para>
/// <para>Resampling whole groups keeps rows of one heat (same chemistry, other tempering) out of
/// bag together, so the out-of-bag residuals measure error on unseen heats, not on near-duplicates.</para>
/// <para>Thread safety: <see cref="Predict(IReadOnlyList{double[]})"/> may be called from several threads; calls are serialised.</para>
/// </remarks>
public sealed class ConformalEnsembleRegressor : IIntervalRegressor
{
    private const string ScoreColumn = "Score";
    private readonly MLContext _ml;
    private readonly ITransformer[] _members;
    private readonly SchemaDefinition _schema;
    private readonly Lock _gate = new();
    private readonly EnsembleAggregation _aggregation;

    private ConformalEnsembleRegressor(MLContext ml, ITransformer[] members, int featureCount, ConformalCalibration calibration, EnsembleAggregation aggregation)
    {
        _ml = ml;
        _aggregation = aggregation;
        _members = members;
        FeatureCount = featureCount;
        Calibration = calibration;
        _schema = Schema(featureCount);
    }

    /// <inheritdoc/>
    public string Description => Options is { } o
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{o.Learner}{(o.Booster == LightGbmBooster.Gradient ? string.Empty : $" {o.Booster}")} x{EnsembleSize}{(o.Aggregation == EnsembleAggregation.Mean ? string.Empty : $" {o.Aggregation}")}{(o.CrossFitFolds >= 2 ? $" cross-fit {o.CrossFitFolds}-fold" : string.Empty)} ({o.NumberOfTrees} trees x {o.NumberOfLeaves} leaves, rate {o.LearningRate:G3}, min leaf {o.MinimumExampleCountPerLeaf})")
        : $"bagged trees x{EnsembleSize}";

    /// <summary>The settings it was trained with (null for a loaded model).</summary>
    internal EnsembleOptions? Options { get; private init; }

    /// <summary>Length of the feature vectors the members take.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of ensemble members.</summary>
    public int EnsembleSize => _members.Length;

    /// <summary>The conformal calibration of the interval.</summary>
    public ConformalCalibration Calibration { get; }

    /// <summary>
    /// After <see cref="Fit"/>: the out-of-bag mean and spread of every training row (NaN where fewer
    /// than two members left the row's group out); null for a loaded model.
    /// </summary>
    internal (double Mean, double Spread)[]? OutOfBag { get; private init; }

    /// <summary>Trains the ensemble and calibrates its interval on out-of-bag residuals.</summary>
    /// <param name="features">Feature vectors, one per row.</param>
    /// <param name="targets">Target value of each row.</param>
    /// <param name="groups">Group of each row (rows of one group are resampled together).</param>
    /// <param name="options">Ensemble settings.</param>
    public static ConformalEnsembleRegressor Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, IReadOnlyList<int> groups, EnsembleOptions options)
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

        var featureCount = features[0].Length;
        var (groupOf, groupCount) = Renumber(groups);
        if (groupCount < 5)
        {
            throw new ArgumentException($"need at least 5 groups for a grouped bootstrap, found {groupCount}", nameof(groups));
        }

        // Draw every bootstrap sample and member seed up front from one generator: the result does
        // not depend on the order in which members are trained.
        var b = options.EnsembleSize;
        var rng = new Random(options.Seed);
        var counts = new int[b][];
        var seeds = new int[b];
        var folds = options.CrossFitFolds;
        var foldOf = new int[groupCount];
        for (var m = 0; m < b; m++)
        {
            counts[m] = new int[groupCount];
            if (folds >= 2)
            {
                if (m % folds == 0)
                {
                    // A fresh split: shuffle the groups (Fisher-Yates) and deal them to the folds in turn.
                    var order = Enumerable.Range(0, groupCount).ToArray();
                    for (var k = groupCount - 1; k > 0; k--)
                    {
                        var swap = rng.Next(k + 1);
                        (order[k], order[swap]) = (order[swap], order[k]);
                    }

                    for (var k = 0; k < groupCount; k++)
                    {
                        foldOf[order[k]] = k % folds;
                    }
                }

                for (var k = 0; k < groupCount; k++)
                {
                    counts[m][k] = foldOf[k] == m % folds ? 0 : 1;
                }
            }
            else
            {
                for (var k = 0; k < groupCount; k++)
                {
                    counts[m][rng.Next(groupCount)]++;
                }
            }

            seeds[m] = rng.Next();
        }

        var ml = NewContext(options.Seed);
        float[][] Predictions(ITransformer[] trained) =>
            new ConformalEnsembleRegressor(ml, trained, featureCount, new ConformalCalibration(options.Level, 0, 0, 0), options.Aggregation).MemberPredictions(features);

        var members = TrainMembers(features, targets, groupOf, counts, seeds, weights: null, options);
        var predictions = Predictions(members);
        if (options.HuberRefit)
        {
            var weights = HuberWeights(OutOfBagPredictions(predictions, counts, groupOf, options.Aggregation), targets);
            members = TrainMembers(features, targets, groupOf, counts, seeds, weights, options);
            predictions = Predictions(members);
        }

        var calibration = Calibrate(predictions, counts, groupOf, targets, options.Level, options.Aggregation);
        return new ConformalEnsembleRegressor(ml, members, featureCount, calibration, options.Aggregation)
        {
            OutOfBag = OutOfBagPredictions(predictions, counts, groupOf, options.Aggregation),
            Options = options,
        };
    }

    private static ITransformer[] TrainMembers(
        IReadOnlyList<double[]> features, IReadOnlyList<double> targets, int[] groupOf, int[][] counts, int[] seeds, double[]? weights, EnsembleOptions options)
    {
        var n = features.Count;
        var members = new ITransformer[seeds.Length];
        Parallel.For(0, seeds.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, m =>
        {
            var rows = new List<FeatureRow>(n + (n / 2));
            for (var i = 0; i < n; i++)
            {
                var copies = counts[m][groupOf[i]];
                for (var c = 0; c < copies; c++)
                {
                    rows.Add(new FeatureRow { Features = ToFloat(features[i]), Label = (float)targets[i], Weight = weights is null ? 1f : (float)weights[i] });
                }
            }

            members[m] = TrainMember(rows, features[0].Length, options, seeds[m], weighted: weights is not null);
        });
        return members;
    }

    /// <summary>
    /// Huber's weight of each row's out-of-bag residual, <c>min(1, 1.345 s / |r|)</c> with the robust scale
    /// <c>s</c> = 1.4826 × median |r| over the rows that have one; rows without an out-of-bag prediction weigh 1.
    /// </summary>
    internal static double[] HuberWeights(IReadOnlyList<(double Mean, double Spread)> outOfBag, IReadOnlyList<double> targets)
    {
        var residuals = new double[targets.Count];
        for (var i = 0; i < residuals.Length; i++)
        {
            residuals[i] = Math.Abs(targets[i] - outOfBag[i].Mean);
        }

        var weights = new double[residuals.Length];
        Array.Fill(weights, 1.0);
        var threshold = 1.345 * 1.4826 * RobustStatistics.Median(residuals);
        for (var i = 0; i < weights.Length; i++)
        {
            if (residuals[i] > threshold && threshold > 0)
            {
                weights[i] = threshold / residuals[i];
            }
        }

        return weights;
    }

    /// <summary>
    /// Trains one member on all rows (no bootstrap) and predicts other rows: the cheap point model
    /// that <see cref="EnsembleTuner"/> cross-validates to choose settings.
    /// </summary>
    internal static double[] FitPredictSingle(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, IReadOnlyList<double[]> queries, EnsembleOptions options, int seed)
    {
        var featureCount = features[0].Length;
        var rows = new List<FeatureRow>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            rows.Add(new FeatureRow { Features = ToFloat(features[i]), Label = (float)targets[i] });
        }

        var member = TrainMember(rows, featureCount, options, seed);
        var ml = NewContext(seed);
        var input = new FeatureRow[queries.Count];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = new FeatureRow { Features = ToFloat(queries[i]) };
        }

        var scores = member.Transform(ml.Data.LoadFromEnumerable(input, Schema(featureCount))).GetColumn<float>(ScoreColumn);
        return [.. scores.Select(x => (double)x)];
    }

    /// <summary>Predicts one feature vector.</summary>
    public EnsemblePrediction Predict(ReadOnlySpan<double> features) => Predict([features.ToArray()])[0];

    /// <summary>Predicts many feature vectors at once (cheaper than one by one).</summary>
    public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var p = MemberPredictions(rows);
        var result = new EnsemblePrediction[rows.Count];
        var q = Calibration.Quantile;
        var values = new double[_members.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var m = 0; m < _members.Length; m++)
            {
                values[m] = p[m][i];
            }

            var (center, spread) = Summarise(values, _aggregation);
            var half = q * (spread + Calibration.ScaleOffset);
            result[i] = new EnsemblePrediction(center, spread, center - half, center + half, Calibration.Level);
        }

        return result;
    }

    /// <summary>Writes the members as one archive holding an ML.NET model zip per member.</summary>
    /// <remarks>The calibration is not part of the archive; the model manifest keeps it.</remarks>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            var schema = _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), _schema).Schema;
            using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            for (var m = 0; m < _members.Length; m++)
            {
                using var buffer = new MemoryStream();
                _ml.Model.Save(_members[m], schema, buffer);
                var entry = archive.CreateEntry(MemberName(m), CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = entry.Open();
                buffer.Position = 0;
                buffer.CopyTo(s);
            }
        }
    }

    /// <summary>Reads members written by <see cref="Save"/>.</summary>
    /// <param name="stream">The archive.</param>
    /// <param name="featureCount">Feature vector length (from the manifest).</param>
    /// <param name="ensembleSize">Expected number of members (from the manifest).</param>
    /// <param name="calibration">The calibration (from the manifest).</param>
    /// <param name="aggregation">How the members are combined (from the manifest's ensemble settings).</param>
    /// <exception cref="InvalidDataException">The archive does not hold the expected members.</exception>
    public static ConformalEnsembleRegressor Load(Stream stream, int featureCount, int ensembleSize, ConformalCalibration calibration, EnsembleAggregation aggregation = EnsembleAggregation.Mean)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(calibration);
        var ml = NewContext(0);
        var members = new ITransformer[ensembleSize];
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        for (var m = 0; m < ensembleSize; m++)
        {
            var entry = archive.GetEntry(MemberName(m)) ?? throw new InvalidDataException($"the model archive has no '{MemberName(m)}'");
            using var buffer = new MemoryStream();
            using (var s = entry.Open())
            {
                s.CopyTo(buffer);
            }

            buffer.Position = 0;
            members[m] = ml.Model.Load(buffer, out _);
        }

        return new ConformalEnsembleRegressor(ml, members, featureCount, calibration, aggregation);
    }

    /// <summary>Predictions of every member for every row: [member][row].</summary>
    internal float[][] MemberPredictions(IReadOnlyList<double[]> rows)
    {
        var input = new FeatureRow[rows.Count];
        for (var i = 0; i < input.Length; i++)
        {
            if (rows[i].Length != FeatureCount)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} features, the model takes {FeatureCount}", nameof(rows));
            }

            input[i] = new FeatureRow { Features = ToFloat(rows[i]) };
        }

        var result = new float[_members.Length][];
        lock (_gate)
        {
            var view = _ml.Data.LoadFromEnumerable(input, _schema);
            for (var m = 0; m < _members.Length; m++)
            {
                result[m] = [.. _members[m].Transform(view).GetColumn<float>(ScoreColumn)];
            }
        }

        return result;
    }

    /// <summary>
    /// The out-of-bag centre (mean or median) and spread of every row over the members that left its group out; NaN where fewer
    /// than two did.
    /// </summary>
    private static (double Mean, double Spread)[] OutOfBagPredictions(float[][] predictions, int[][] counts, int[] groupOf, EnsembleAggregation aggregation)
    {
        var n = groupOf.Length;
        var result = new (double, double)[n];
        var oob = new double[predictions.Length];
        for (var i = 0; i < n; i++)
        {
            double sum = 0, sumSq = 0;
            var k = 0;
            for (var m = 0; m < predictions.Length; m++)
            {
                if (counts[m][groupOf[i]] == 0)
                {
                    sum += predictions[m][i];
                    sumSq += (double)predictions[m][i] * predictions[m][i];
                    oob[k++] = predictions[m][i];
                }
            }

            if (k < 2)
            {
                result[i] = (double.NaN, double.NaN);
                continue;
            }

            var center = aggregation == EnsembleAggregation.Mean ? sum / k : Summarise(oob.AsSpan(0, k), aggregation).Center;
            result[i] = (center, Math.Sqrt(Math.Max(0, (sumSq - (sum * sum / k)) / (k - 1))));
        }

        return result;
    }

    /// <summary>
    /// Centre (mean or median) and standard deviation of member predictions; reorders <paramref name="values"/> for the median.
    /// </summary>
    private static (double Center, double Spread) Summarise(Span<double> values, EnsembleAggregation aggregation)
    {
        var k = values.Length;
        double mean = 0;
        for (var j = 0; j < k; j++)
        {
            mean += values[j];
        }

        mean /= k;
        double ss = 0;
        for (var j = 0; j < k; j++)
        {
            ss += (values[j] - mean) * (values[j] - mean);
        }

        var spread = Math.Sqrt(ss / (k - 1));
        if (aggregation == EnsembleAggregation.Mean)
        {
            return (mean, spread);
        }

        values.Sort();
        var median = k % 2 == 1 ? values[k / 2] : 0.5 * (values[(k / 2) - 1] + values[k / 2]);
        return (median, spread);
    }

    private static ConformalCalibration Calibrate(float[][] predictions, int[][] counts, int[] groupOf, IReadOnlyList<double> targets, double level, EnsembleAggregation aggregation)
    {
        var n = targets.Count;
        var means = new List<double>(n);
        var spreads = new List<double>(n);
        var ys = new List<double>(n);
        var oob = new double[predictions.Length];
        for (var i = 0; i < n; i++)
        {
            var k = 0;
            for (var m = 0; m < predictions.Length; m++)
            {
                if (counts[m][groupOf[i]] == 0)
                {
                    oob[k++] = predictions[m][i];
                }
            }

            // Two out-of-bag members at least, for a spread; with 32 members this skips almost nothing.
            if (k < 2)
            {
                continue;
            }

            var (center, spread) = Summarise(oob.AsSpan(0, k), aggregation);
            means.Add(center);
            spreads.Add(spread);
            ys.Add(targets[i]);
        }

        if (ys.Count < 10)
        {
            throw new InvalidOperationException($"only {ys.Count} rows were out of bag often enough to calibrate the interval; use more members");
        }

        var sortedSpreads = spreads.ToArray();
        Array.Sort(sortedSpreads);
        var offset = sortedSpreads[sortedSpreads.Length / 2];
        if (offset <= 0)
        {
            offset = 1e-6 * Math.Max(1.0, Math.Abs(ys[0]));
        }

        var scores = new double[ys.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Abs(ys[i] - means[i]) / (spreads[i] + offset);
        }

        return new ConformalCalibration(level, ConformalCalibration.QuantileOf(scores, level), offset, scores.Length);
    }

    private static ITransformer TrainMember(List<FeatureRow> rows, int featureCount, EnsembleOptions options, int seed, bool weighted = false)
    {
        var weight = weighted ? nameof(FeatureRow.Weight) : null;
        var ml = NewContext(seed);
        var view = ml.Data.LoadFromEnumerable(rows, Schema(featureCount));
        return options.Learner switch
        {
            EnsembleLearner.LightGbm => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label),
                FeatureColumnName = nameof(FeatureRow.Features),
                ExampleWeightColumnName = weight,
                NumberOfIterations = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = 1,
                Seed = seed,
                Silent = true,
                Booster = options.Booster == LightGbmBooster.Dart
                    ? new DartBooster.Options { FeatureFraction = options.FeatureFraction }
                    : new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
            }).Fit(view),
            EnsembleLearner.FastForest => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label),
                FeatureColumnName = nameof(FeatureRow.Features),
                ExampleWeightColumnName = weight,
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                FeatureFraction = options.FeatureFraction,
                NumberOfThreads = 1,
                Seed = seed,
                FeatureSelectionSeed = seed,
            }).Fit(view),
            _ => TrainFastTree(ml, view, options, seed, weight),
        };
    }

    private static ITransformer TrainFastTree(MLContext ml, IDataView view, EnsembleOptions options, int seed, string? weight)
    {
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            ExampleWeightColumnName = weight,
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            FeatureFraction = options.FeatureFraction,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
        });
        return trainer.Fit(view);
    }

    private static MLContext NewContext(int seed)
    {
        var ml = new MLContext(seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeRegressionModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmRegressionModelParameters).Assembly);
        return ml;
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static (int[] GroupOf, int Count) Renumber(IReadOnlyList<int> groups)
    {
        var map = new Dictionary<int, int>();
        var result = new int[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            if (!map.TryGetValue(groups[i], out var g))
            {
                g = map.Count;
                map[groups[i]] = g;
            }

            result[i] = g;
        }

        return (result, map.Count);
    }

    private static float[] ToFloat(double[] x)
    {
        var f = new float[x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            f[j] = (float)x[j];
        }

        return f;
    }

    private static string MemberName(int m) => $"member-{m:D2}.zip";
}
