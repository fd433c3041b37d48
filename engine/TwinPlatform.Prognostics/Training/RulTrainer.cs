using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Evaluation;
using TwinPlatform.Prognostics.Features;
using TwinPlatform.Prognostics.Models;

namespace TwinPlatform.Prognostics.Training;

/// <summary>
/// Trains the remaining-useful-life model: fits the health indicator, trains the ML.NET
/// gradient-boosted tree ensemble on capped RUL, and calibrates conformal intervals on
/// out-of-fold residuals of a cross-validation grouped by engine.
/// </summary>
public static class RulTrainer
{
    private const string FeaturesColumn = nameof(TrainingRow.Features);
    private const string LabelColumn = nameof(TrainingRow.Label);
    private const string WeightColumn = nameof(TrainingRow.Weight);

    /// <summary>Deals engines to folds: shuffled with the seed, then round-robin.</summary>
    /// <returns>The fold of each engine.</returns>
    public static int[] EngineFolds(int engineCount, int folds, int seed)
    {
        var order = new int[engineCount];
        for (var i = 0; i < engineCount; i++)
        {
            order[i] = i;
        }

        var rng = new Random(seed);
        for (var i = engineCount - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var fold = new int[engineCount];
        for (var i = 0; i < engineCount; i++)
        {
            fold[order[i]] = i % folds;
        }

        return fold;
    }

    /// <summary>
    /// Grouped k-fold cross-validation: each fold's engines are held out whole; the indicator and the
    /// ensemble are fitted on the other engines and predict every cycle of the held-out ones.
    /// Interval coverage is cross-fitted: each fold's samples get bands calibrated on the other
    /// folds' out-of-fold residuals only.
    /// </summary>
    /// <param name="set">Every cycle of the training fleet.</param>
    /// <param name="options">Training options.</param>
    /// <param name="log">Progress messages, or null.</param>
    public static CrossValidationResult CrossValidate(TrainingSet set, RulTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var engineFold = EngineFolds(set.EngineCount, options.Folds, options.FoldSeed);
        var n = set.Count;
        var predictions = new double[n];
        var fold = new int[n];
        for (var i = 0; i < n; i++)
        {
            fold[i] = engineFold[set.Engine[i]];
        }

        var truth = new double[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = Math.Min(set.RemainingCycles[i], options.CapCycles);
        }

        for (var f = 0; f < options.Folds; f++)
        {
            var train = new bool[set.EngineCount];
            for (var e = 0; e < train.Length; e++)
            {
                train[e] = engineFold[e] != f;
            }

            var fitted = Fit(set, train, options, null);
            var model = fitted.Model;
            var row = new double[set.Layout.Count];
            var scratch = new float[model.InputCount];
            for (var i = 0; i < n; i++)
            {
                if (fold[i] != f)
                {
                    continue;
                }

                set.Row(i).CopyTo(row);
                model.HealthIndicator.Project(set.Layout, row);
                predictions[i] = model.PredictMean(row, scratch);
            }

            log?.Invoke($"fold {f + 1}/{options.Folds}: {Rmse(predictions, truth, fold, f):F2} cycles RMSE over {Count(fold, f)} held-out cycles");
        }

        // Cross-fitted intervals: fold f is covered by bands calibrated without fold f.
        var lower = new double[n];
        var upper = new double[n];
        for (var f = 0; f < options.Folds; f++)
        {
            var p = new List<double>(n);
            var y = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                if (fold[i] != f)
                {
                    p.Add(predictions[i]);
                    y.Add(truth[i]);
                }
            }

            var bands = ConformalBands.Calibrate(p, y, options.Level, options.IntervalBins);
            for (var i = 0; i < n; i++)
            {
                if (fold[i] == f)
                {
                    var (lo, hi) = bands.Interval(predictions[i]);
                    lower[i] = Math.Max(0.0, lo);
                    upper[i] = Math.Min(options.CapCycles, hi);
                }
            }
        }

        var all = new FleetEvaluator(options.CapCycles);
        var degrading = new FleetEvaluator(options.CapCycles);
        for (var i = 0; i < n; i++)
        {
            var v = new UncertainValue(predictions[i], 0, lower[i], upper[i], options.Level);
            all.Add(v, set.RemainingCycles[i]);
            if (set.RemainingCycles[i] <= options.CapCycles)
            {
                degrading.Add(v, set.RemainingCycles[i]);
            }
        }

        var foldRmse = new double[options.Folds];
        for (var f = 0; f < options.Folds; f++)
        {
            foldRmse[f] = Rmse(predictions, truth, fold, f);
        }

        var finalBands = ConformalBands.Calibrate(predictions, truth, options.Level, options.IntervalBins);
        return new CrossValidationResult(predictions, lower, upper, fold, all.Result(), degrading.Result(), foldRmse, finalBands);
    }

    /// <summary>
    /// Fits the health indicator and the tree ensemble on the engines flagged in <paramref name="trainEngines"/>.
    /// </summary>
    /// <param name="set">Every cycle of the training fleet.</param>
    /// <param name="trainEngines">Which engines (by 0-based index) to train on.</param>
    /// <param name="options">Training options.</param>
    /// <param name="bands">Interval bands to attach (null for a point model, as inside cross-validation).</param>
    /// <param name="describe">Fills in the manifest's descriptive parts; null for a bare manifest.</param>
    public static FittedRulModel Fit(TrainingSet set, IReadOnlyList<bool> trainEngines, RulTrainingOptions options, ConformalBands? bands, Func<RulModelManifest, RulModelManifest>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(trainEngines);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var layout = set.Layout;
        var s = layout.SensorCount;
        var rows = new List<int>(set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            if (trainEngines[set.Engine[i]])
            {
                rows.Add(i);
            }
        }

        // Health indicator: ridge least squares of min(RUL, cap)/cap on the window-mean sensors.
        var levels = new List<double[]>(rows.Count);
        var hiTargets = new List<double>(rows.Count);
        var meanBlock = (int)SensorStatistic.Mean * s;
        foreach (var i in rows)
        {
            levels.Add(set.Row(i).Slice(meanBlock, s).ToArray());
            hiTargets.Add(Math.Min(set.RemainingCycles[i], options.CapCycles) / options.CapCycles);
        }

        var indicator = HealthIndicator.Fit(levels, hiTargets, options.HealthIndicatorRidge);

        var names = options.FeatureNames ?? AllNames(layout);
        var inputs = RulModel.ResolveInputs(layout, names, "training options");
        var data = new TrainingRow[rows.Count];
        var full = new double[layout.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var i = rows[r];
            set.Row(i).CopyTo(full);
            indicator.Project(layout, full);
            var x = new float[inputs.Length];
            for (var j = 0; j < inputs.Length; j++)
            {
                x[j] = (float)full[inputs[j]];
            }

            var rul = set.RemainingCycles[i];
            data[r] = new TrainingRow
            {
                Features = x,
                Label = (float)Math.Min(rul, options.CapCycles),
                Weight = rul > options.CapCycles ? (float)options.HealthyCycleWeight : 1f,
            };
        }

        var schema = Schema(inputs.Length);
        var memberOptions = options.Members;
        var transformers = new ITransformer[memberOptions.Count];
        Parallel.For(0, memberOptions.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, m =>
        {
            transformers[m] = TrainMember(data, schema, memberOptions[m]);
        });

        var compiled = new CompiledTreeEnsemble[transformers.Length];
        for (var m = 0; m < compiled.Length; m++)
        {
            compiled[m] = RulModel.Compile(transformers[m], $"member {m}");
        }

        var manifest = BareManifest(options, names, indicator, layout, set, compiled, bands);
        if (describe is not null)
        {
            manifest = describe(manifest);
        }

        var ml = RulModel.NewContext(0);
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<TrainingRow>(), schema).Schema;
        return new FittedRulModel(new RulModel(manifest, layout, indicator, inputs, compiled, bands), transformers, inputSchema);
    }

    /// <summary>
    /// Writes a fitted model folder: one ML.NET zip per member (entries time-stamped 2000-01-01 so
    /// identical models give identical files) and <c>model.json</c>.
    /// </summary>
    public static void Save(FittedRulModel fitted, string folder)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        Directory.CreateDirectory(folder);
        var ml = RulModel.NewContext(0);
        var manifest = fitted.Model.Manifest;
        for (var m = 0; m < fitted.Transformers.Count; m++)
        {
            using var buffer = new MemoryStream();
            ml.Model.Save(fitted.Transformers[m], fitted.InputSchema, buffer);
            buffer.Position = 0;
            using var output = File.Create(Path.Combine(folder, manifest.Members[m].File));
            ZipNormalizer.CopyWithFixedTimestamps(buffer, output);
        }

        manifest.Write(Path.Combine(folder, RulModelManifest.FileName));
    }

    /// <summary>Scores a model on a test fleet at each engine's last cycle (truth capped at the model's cap).</summary>
    /// <param name="model">The model.</param>
    /// <param name="test">Test trajectories (cut before failure).</param>
    /// <param name="trueRemainingCycles">True RUL after the last cycle of each test engine, in file order.</param>
    /// <param name="lastEstimates">If not null, receives each engine's last estimate.</param>
    public static FleetMetrics EvaluateAtLastCycle(RulModel model, CmapssDataSet test, IReadOnlyList<int> trueRemainingCycles, List<PrognosticEstimate>? lastEstimates = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(trueRemainingCycles);
        if (trueRemainingCycles.Count != test.Engines.Count)
        {
            throw new ArgumentException($"{trueRemainingCycles.Count} true RUL values for {test.Engines.Count} test engines", nameof(trueRemainingCycles));
        }

        var evaluator = new FleetEvaluator(model.CapCycles);
        for (var e = 0; e < test.Engines.Count; e++)
        {
            var engine = test.Engines[e];
            var state = model.CreateEngine();
            PrognosticEstimate last = default;
            for (var k = 0; k < engine.CycleCount; k++)
            {
                last = state.Update(k + 1, engine.SettingsAt(k), engine.SensorsAt(k));
            }

            evaluator.Add(last.RemainingUsefulLifeCycles, trueRemainingCycles[e]);
            lastEstimates?.Add(last);
        }

        return evaluator.Result();
    }

    /// <summary>Every feature name of a layout, in order.</summary>
    public static string[] AllNames(FeatureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var names = new string[layout.Count];
        for (var j = 0; j < names.Length; j++)
        {
            names[j] = layout.Name(j);
        }

        return names;
    }

    private static RulModelManifest BareManifest(RulTrainingOptions options, IReadOnlyList<string> names, HealthIndicator indicator, FeatureLayout layout, TrainingSet set, CompiledTreeEnsemble[] compiled, ConformalBands? bands)
    {
        var sensors = new string[layout.SensorCount];
        for (var i = 0; i < sensors.Length; i++)
        {
            sensors[i] = CmapssColumns.SensorName(layout.Options.Sensors[i]);
        }

        var members = new ManifestMember[compiled.Length];
        for (var m = 0; m < members.Length; m++)
        {
            members[m] = new ManifestMember { File = $"member-{m:D2}.zip", Options = options.Members[m], Trees = compiled[m].TreeCount };
        }

        return new RulModelManifest
        {
            Id = "unnamed",
            Description = "remaining useful life",
            Algorithm = "ML.NET gradient-boosted trees",
            Trained = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            CapCycles = options.CapCycles,
            Window = layout.Options,
            Features = [.. names],
            HealthIndicator = new ManifestHealthIndicator
            {
                Fit = $"ridge least squares (penalty {options.HealthIndicatorRidge} per sample on standardised sensors) of min(RUL, {options.CapCycles})/{options.CapCycles} on the {layout.Options.WindowLength}-cycle window means of every training cycle",
                Sensors = sensors,
                Intercept = indicator.Intercept,
                Means = [.. indicator.Means],
                Scales = [.. indicator.Scales],
                Weights = [.. indicator.Weights],
            },
            Members = members,
            HealthyCycleWeight = options.HealthyCycleWeight,
            Interval = bands is null
                ? new ManifestInterval { Method = "none", Level = options.Level, BinUpperEdges = [], Lower = [0], Upper = [0], Counts = [0] }
                : new ManifestInterval
                {
                    Method = "Mondrian split-conformal bands on out-of-fold residuals",
                    Level = bands.Level,
                    BinUpperEdges = [.. bands.UpperEdges],
                    Lower = [.. bands.Lower],
                    Upper = [.. bands.Upper],
                    Counts = [.. bands.Counts],
                },
            Data = new ManifestDataSource
            {
                Name = "training fleet",
                TrainFile = Path.GetFileName(set.Source),
                TrainEngines = set.EngineCount,
                TrainRows = set.Count,
                Citation = string.Empty,
            },
        };
    }

    private static ITransformer TrainMember(TrainingRow[] data, SchemaDefinition schema, RulMemberOptions o)
    {
        var ml = RulModel.NewContext(o.Seed);
        var view = ml.Data.LoadFromEnumerable(data, schema);
        if (o.Learner == GradientBoostingLearner.LightGbm)
        {
            return ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = LabelColumn,
                FeatureColumnName = FeaturesColumn,
                ExampleWeightColumnName = WeightColumn,
                NumberOfIterations = o.NumberOfTrees,
                NumberOfLeaves = o.NumberOfLeaves,
                MinimumExampleCountPerLeaf = o.MinimumExampleCountPerLeaf,
                LearningRate = o.LearningRate,
                NumberOfThreads = 1,
                Deterministic = true,
                Seed = o.Seed,
                Silent = true,
                Booster = new GradientBooster.Options
                {
                    FeatureFraction = o.FeatureFraction,
                    SubsampleFraction = o.SubsampleFraction,
                    SubsampleFrequency = o.SubsampleFraction < 1 ? 1 : 0,
                    L2Regularization = o.L2Regularization,
                },
            }).Fit(view);
        }

        return ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = LabelColumn,
            FeatureColumnName = FeaturesColumn,
            ExampleWeightColumnName = WeightColumn,
            NumberOfTrees = o.NumberOfTrees,
            NumberOfLeaves = o.NumberOfLeaves,
            MinimumExampleCountPerLeaf = o.MinimumExampleCountPerLeaf,
            LearningRate = o.LearningRate,
            FeatureFraction = o.FeatureFraction,
            BaggingSize = o.SubsampleFraction < 1 ? 1 : 0,
            BaggingExampleFraction = o.SubsampleFraction,
            NumberOfThreads = 1,
            Seed = o.Seed,
            FeatureSelectionSeed = o.Seed,
        }).Fit(view);
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static double Rmse(double[] predictions, double[] truth, int[] fold, int f)
    {
        double ss = 0;
        var k = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            if (fold[i] == f)
            {
                var d = predictions[i] - truth[i];
                ss += d * d;
                k++;
            }
        }

        return k == 0 ? double.NaN : Math.Sqrt(ss / k);
    }

    private static int Count(int[] fold, int f)
    {
        var k = 0;
        foreach (var x in fold)
        {
            if (x == f)
            {
                k++;
            }
        }

        return k;
    }
}
