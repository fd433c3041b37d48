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
public sealed class ConformalEnsembleRegressor : ITreeEnsemble
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

    /// <inheritdoc/>
    public IReadOnlyList<(double Mean, double Spread)>? OutOfBag { get; private init; }

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
        if (options.Learner == EnsembleLearner.ExtraTrees)
        {
            throw new ArgumentException("extra trees are not ML.NET members: fit them with TreeEnsemble.Fit or ExtraTreesRegressor.Fit", nameof(options));
        }

        var n = features.Count;
        if (n < 10 || targets.Count != n || groups.Count != n)
        {
            throw new ArgumentException($"need at least 10 rows with one target and one group each (rows {n}, targets {targets.Count}, groups {groups.Count})");
        }

        var featureCount = features[0].Length;
        var (groupOf, groupCount) = MemberSampling.Renumber(groups);
        if (groupCount < 5)
        {
            throw new ArgumentException($"need at least 5 groups for a grouped bootstrap, found {groupCount}", nameof(groups));
        }

        var (counts, seeds) = MemberSampling.Draw(options, groupCount);
        var ml = NewContext(options.Seed);
        double[][] Predictions(ITransformer[] trained) =>
            [.. new ConformalEnsembleRegressor(ml, trained, featureCount, new ConformalCalibration(options.Level, 0, 0, 0), options.Aggregation).MemberPredictions(features)
                .Select(p => p.Select(v => (double)v).ToArray())];

        var members = TrainMembers(features, targets, groupOf, counts, seeds, weights: null, options);
        var predictions = Predictions(members);
        if (options.HuberRefit)
        {
            var weights = HuberWeights(MemberSampling.OutOfBag(predictions, counts, groupOf, options.Aggregation), targets);
            members = TrainMembers(features, targets, groupOf, counts, seeds, weights, options);
            predictions = Predictions(members);
        }

        var outOfBag = MemberSampling.OutOfBag(predictions, counts, groupOf, options.Aggregation);
        return new ConformalEnsembleRegressor(ml, members, featureCount, MemberSampling.Calibrate(outOfBag, targets, options.Level), options.Aggregation)
        {
            OutOfBag = outOfBag,
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
        var values = new double[_members.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var m = 0; m < _members.Length; m++)
            {
                values[m] = p[m][i];
            }

            var (center, spread) = MemberSampling.Summarise(values, _aggregation);
            result[i] = Calibration.Interval(center, spread, spread);
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
            EnsembleLearner.ExtraTrees => throw new NotSupportedException("extra trees are not ML.NET members (ExtraTreesRegressor grows them)"),
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
