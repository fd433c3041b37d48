using System.CommandLine;
using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Import;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin materials cv --data FILE --mapping MAP --target PROPERTY [--folds 5] [--repeats N] [--json] ...</c>:
/// k-fold cross-validation of a property predictor; prints MAE, RMSE, R^2, and the coverage and mean
/// width of the interval, per fold and overall.
/// </summary>
public static class MaterialsCvCommand
{
    /// <summary>The <c>cv</c> subcommand.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data file (CSV or JSON)", Required = true };
        var mapping = new Option<string>("--mapping") { Description = "Mapping file (YAML)", Required = true };
        var target = new Option<string>("--target") { Description = "Property to predict (for example yield_strength)", Required = true };
        var folds = new Option<int>("--folds") { Description = "Number of folds", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Repetitions with other fold assignments", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment (Matbench: 18012019)", DefaultValueFactory = _ => CrossValidationOptions.MatbenchSeed };
        var scheme = new Option<string>("--scheme") { Description = "grouped (groups dealt to folds) or matbench (scikit-learn KFold(shuffle=True, random_state=seed) over rows)", DefaultValueFactory = _ => "grouped" };
        var group = new Option<string>("--group") { Description = "Rows kept together: row, composition or material", DefaultValueFactory = _ => "composition" };
        var where = new Option<string[]>("--where") { Description = "Condition filter, repeatable: 'test_temperature=15..30 degC', 'test_type=tension'" };
        var kind = new Option<string[]>("--kind") { Description = "Provenance kinds admitted, repeatable (default: experiment)" };
        var features = new Option<string>("--features") { Description = "Feature groups: all, composition, fractions, mass, interactions, elements, stoichiometry, process, attributes, conditions", DefaultValueFactory = _ => "all" };
        var model = new Option<string>("--model") { Description = "blend (trees + Gaussian process, weight chosen on training rows), stack (trees + Gaussian process + ridge, weights chosen on training rows) or trees", DefaultValueFactory = _ => "blend" };
        var learner = new Option<string>("--learner") { Description = "Tree learner: lightgbm, fasttree, fastforest (ML.NET members) or extratrees (extremely randomised trees, one tree per member)", DefaultValueFactory = _ => "lightgbm" };
        var ensemble = new Option<int>("--ensemble") { Description = "Bootstrap members", DefaultValueFactory = _ => 32 };
        var booster = new Option<string>("--booster") { Description = "Boosting scheme of LightGBM tree members: gradient or dart (dropout boosting)", DefaultValueFactory = _ => "gradient" };
        var robust = new Option<string>("--robust") { Description = "none, or huber: the tree members are trained a second time with every row weighted by Huber's weight of its out-of-bag residual", DefaultValueFactory = _ => "none" };
        var aggregate = new Option<string>("--aggregate") { Description = "How the tree members are combined into the point prediction (and out-of-bag predictions): mean or median", DefaultValueFactory = _ => "mean" };
        var trees = new Option<int>("--trees") { Description = "Trees per member", DefaultValueFactory = _ => 300 };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree", DefaultValueFactory = _ => 8 };
        var rate = new Option<double>("--learning-rate") { Description = "Boosting learning rate", DefaultValueFactory = _ => 0.05 };
        var minLeaf = new Option<int>("--min-leaf") { Description = "Minimum rows per leaf", DefaultValueFactory = _ => 3 };
        var tune = new Option<bool>("--tune") { Description = "Choose the tree learner and settings by inner cross-validation inside every training fold" };
        var ridge = new Option<bool>("--no-ridge") { Description = "With --model stack: leave the ridge regression out of the stack" };
        var kernel = new Option<string>("--gp-kernel") { Description = "Gaussian-process kernel of blend and stack: exponential, matern32, matern52 or squared-exponential", DefaultValueFactory = _ => "exponential" };
        var ard = new Option<bool>("--gp-ard") { Description = "Gaussian process of blend and stack: refine the chosen grid points with one length scale per feature (marginal likelihood)" };
        var crossFit = new Option<int>("--cross-fit") { Description = "Train tree members on K-fold splits of the training rows instead of bootstrap samples (0 = bootstrap)", DefaultValueFactory = _ => 0 };
        var gpFeatures = new Option<string?>("--gp-features") { Description = "With --model stack: feature groups of the Gaussian process and ridge (default: those of --features)" };
        var featureFraction = new Option<double>("--feature-fraction") { Description = "Fraction of the features each tree may use", DefaultValueFactory = _ => 0.8 };
        var gpRefit = new Option<int>("--gp-refit-folds") { Description = "With --model stack: choose the weights on predictions of a Gaussian process refitted on K inner folds (0 = closed-form leave-one-out)", DefaultValueFactory = _ => 0 };
        var gpLinear = new Option<string?>("--gp-linear") { Description = "Gaussian process of blend and stack: weights of a linear kernel term added to the stationary one, chosen with the other hyperparameters (for example 0,0.1,1)" };
        var gpOptimise = new Option<bool>("--gp-optimise") { Description = "Gaussian process of blend and stack: refine the chosen grid points (scale exponent, length, nugget) continuously by marginal likelihood" };
        var stackForest = new Option<bool>("--stack-forest") { Description = "With --model stack: add a FastForest random forest (32 members, 100 trees of 32 leaves) on the trees' features as a member" };
        var stackKnn = new Option<string?>("--stack-knn") { Description = "With --model stack: add a k-nearest-neighbour member on the process's features, k chosen by leave-one-out among these (for example 3,5,8,12,20)" };
        var gpCriterion = new Option<string>("--gp-criterion") { Description = "Gaussian process of blend and stack: rank grid points by ml (marginal likelihood) or loo (closed-form leave-one-group-out MAE)", DefaultValueFactory = _ => "ml" };
        var gp2Features = new Option<string?>("--gp2-features") { Description = "With --model stack: feature groups of a second Gaussian process member (for example mass beside --gp-features fractions)" };
        var residualGp = new Option<bool>("--stack-residual-gp") { Description = "With --model stack: add a member predicting the trees plus a Gaussian process fitted to their out-of-bag residuals" };
        var gate = new Option<bool>("--stack-gate") { Description = "With --model stack: choose separate weights for rows whose process sd is below and above its median (near and far from the training data)" };
        var transform = new Option<string>("--target-transform") { Description = "Fit on a transform of the target, fitted on the training rows: none, log or box-cox", DefaultValueFactory = _ => "none" };
        var level = new Option<double>("--level") { Description = "Interval level", DefaultValueFactory = _ => 0.90 };
        var modelSeed = new Option<int>("--model-seed") { Description = "Seed of the model's random choices (members' samples, trees' cuts); each fold adds its number to it", DefaultValueFactory = _ => new EnsembleOptions().Seed };
        var selectFrom = new Option<string[]>("--select-from") { Description = "Another pipeline to choose among by inner cross-validation in every training fold, repeatable: option=value pairs separated by ';' overriding this command's (for example \"target-transform=log\" or \"booster=dart;learning-rate=0.1\")" };
        var selectionFolds = new Option<int>("--selection-folds") { Description = "Inner folds of --select-from", DefaultValueFactory = _ => 5 };
        var predictionsOut = new Option<string?>("--predictions-out") { Description = "Write every held-out prediction (row, fold, name, formula, actual, mean, sd, interval) to this CSV file" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("cv", "Cross-validate a property predictor: MAE, RMSE, R^2, interval coverage and width, per fold and overall")
        {
            data, mapping, target, folds, repeats, seed, scheme, group, where, kind, features, model, learner, booster, robust, aggregate, ensemble, trees, leaves, rate, minLeaf, tune, ridge, kernel, ard, crossFit, gpFeatures, featureFraction, gpRefit, gpLinear, gpOptimise, gpCriterion, stackForest, stackKnn, gp2Features, residualGp, gate, transform, level, modelSeed, selectFrom, selectionFolds, predictionsOut, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var request = new MaterialsCvRequest(r.GetValue(data)!, r.GetValue(mapping)!, r.GetValue(target)!)
            {
                Folds = r.GetValue(folds),
                Repeats = r.GetValue(repeats),
                Seed = r.GetValue(seed),
                Scheme = r.GetValue(scheme)!,
                Group = r.GetValue(group)!,
                Where = r.GetValue(where) ?? [],
                Kinds = r.GetValue(kind) ?? [],
                Features = r.GetValue(features)!,
                Model = r.GetValue(model)!,
                Learner = r.GetValue(learner)!,
                Booster = r.GetValue(booster)!,
                Aggregate = r.GetValue(aggregate)!,
                Robust = r.GetValue(robust)!,
                Ensemble = r.GetValue(ensemble),
                Trees = r.GetValue(trees),
                Leaves = r.GetValue(leaves),
                LearningRate = r.GetValue(rate),
                MinimumLeaf = r.GetValue(minLeaf),
                Tune = r.GetValue(tune),
                Ridge = !r.GetValue(ridge),
                GpKernel = r.GetValue(kernel)!,
                GpArd = r.GetValue(ard),
                CrossFit = r.GetValue(crossFit),
                GpFeatures = r.GetValue(gpFeatures),
                FeatureFraction = r.GetValue(featureFraction),
                GpRefitFolds = r.GetValue(gpRefit),
                GpLinear = r.GetValue(gpLinear),
                GpOptimise = r.GetValue(gpOptimise),
                GpCriterion = r.GetValue(gpCriterion)!,
                StackForest = r.GetValue(stackForest),
                StackNeighbours = r.GetValue(stackKnn),
                Gp2Features = r.GetValue(gp2Features),
                StackResidualGp = r.GetValue(residualGp),
                StackGate = r.GetValue(gate),
                TargetTransform = r.GetValue(transform)!,
                Level = r.GetValue(level),
                ModelSeed = r.GetValue(modelSeed),
                SelectFrom = r.GetValue(selectFrom) ?? [],
                SelectionFolds = r.GetValue(selectionFolds),
                PredictionsOut = r.GetValue(predictionsOut),
                Json = r.GetValue(json),
            };
            return Task.FromResult(Execute(request, Console.Out, Console.Error));
        });
        return command;
    }

    /// <summary>Runs the cross-validation; returns the exit code.</summary>
    public static int Execute(MaterialsCvRequest request, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var import = RecordImporter.Import(request.Mapping, request.Data);
            foreach (var issue in import.Issues)
            {
                error.WriteLine("skipped: " + issue);
            }

            var scheme = Parse<FoldScheme>(request.Scheme, "--scheme");
            var selection = new RecordSelection
            {
                Property = request.Target,
                Kinds = request.TrainedOn.Select(MaterialRecordJson.ParseKind).ToHashSet(),
                Where = [.. request.Where.Select(ConditionFilter.Parse)],
                Grouping = scheme == FoldScheme.Matbench ? RecordGrouping.Row : Parse<RecordGrouping>(request.Group, "--group"),
            };
            var set = selection.Select(import.Records);
            var options = BuildModel(request);
            var log = request.Json ? null : (Action<string>)(line => error.WriteLine("  " + line));
            if (!request.Json)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{request.Target}: {set.Samples.Count} values ({set.GroupCount} groups by {selection.Grouping.ToString().ToLowerInvariant()}) from {import.File}; " +
                    $"trained on {string.Join(" and ", request.TrainedOn)} values only ({set.OtherKind} values of other provenance kinds left out); {set.FilteredOut} filtered out"));
            }

            var cv = RecordCrossValidation.Run(set, options, new CrossValidationOptions
            {
                Folds = request.Folds,
                Repeats = request.Repeats,
                Seed = request.Seed,
                Scheme = scheme,
                Log = log,
            });
            output.Write(request.Json ? MaterialsOutput.CrossValidationJson(cv, request) : MaterialsOutput.CrossValidationTable(cv));
            if (request.PredictionsOut is { } path)
            {
                File.WriteAllText(path, MaterialsOutput.CrossValidationPredictionsCsv(cv, set));
            }

            return 0;
        }
        catch (Exception e) when (e is InputFileException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>The model settings of a request.</summary>
    internal static RecordModelOptions BuildModel(MaterialsCvRequest request)
    {
        var ensemble = new EnsembleOptions
        {
            Learner = Parse<EnsembleLearner>(request.Learner, "--learner"),
            Booster = Parse<LightGbmBooster>(request.Booster, "--booster"),
            Aggregation = Parse<EnsembleAggregation>(request.Aggregate, "--aggregate"),
            HuberRefit = request.Robust switch
            {
                "none" => false,
                "huber" => true,
                _ => throw new FormatException($"--robust: expected none or huber, found '{request.Robust}'"),
            },
            EnsembleSize = request.Ensemble,
            NumberOfTrees = request.Trees,
            NumberOfLeaves = request.Leaves,
            LearningRate = request.LearningRate,
            MinimumExampleCountPerLeaf = request.MinimumLeaf,
            CrossFitFolds = request.CrossFit,
            FeatureFraction = request.FeatureFraction,
            Level = request.Level,
            Seed = request.ModelSeed,
        };
        ensemble.Validate();
        var process = new GaussianProcessOptions { Kernel = Parse<GaussianProcessKernel>(request.GpKernel, "--gp-kernel"), Ard = request.GpArd, Optimise = request.GpOptimise };
        process = request.GpCriterion switch
        {
            "ml" => process,
            "loo" => process with { Criterion = GaussianProcessCriterion.LeaveOneOut },
            _ => throw new FormatException($"--gp-criterion: expected ml or loo, found '{request.GpCriterion}'"),
        };
        if (request.GpLinear is { } linear)
        {
            process = process with { LinearWeights = ParseList(linear, "--gp-linear") };
        }

        if (request.SelectFrom.Count > 0)
        {
            var baseline = BuildModel(request with { SelectFrom = [] });
            return baseline with
            {
                Alternatives = [.. request.SelectFrom.Select(spec => BuildModel(Override(request with { SelectFrom = [] }, spec)))],
                SelectionFolds = request.SelectionFolds >= 2 ? request.SelectionFolds : throw new FormatException($"--selection-folds: expected at least 2, found {request.SelectionFolds}"),
            };
        }

        return new RecordModelOptions
        {
            Features = RecordFeatureOptions.Parse(request.Features),
            Ensemble = ensemble,
            Candidates = request.Tune ? RecordModelOptions.DefaultGrid(ensemble) : null,
            Blend = request.Model switch
            {
                "blend" => new BlendOptions { Process = process },
                "trees" or "stack" => null,
                _ => throw new FormatException($"--model: expected blend, stack or trees, found '{request.Model}'"),
            },
            ProcessFeatures = request.GpFeatures is { } gp ? RecordFeatureOptions.Parse(gp) : null,
            SecondProcessFeatures = request.Gp2Features is { } gp2 ? RecordFeatureOptions.Parse(gp2) : null,
            TargetTransform = Parse<TargetTransform>(request.TargetTransform, "--target-transform"),
            Stack = request.Model == "stack" ? new StackOptions
            {
                Ridge = request.Ridge,
                Process = process,
                ProcessRefitFolds = request.GpRefitFolds,
                Forest = request.StackForest
                    ? ensemble with { Learner = EnsembleLearner.FastForest, EnsembleSize = 32, NumberOfTrees = 100, NumberOfLeaves = 32, MinimumExampleCountPerLeaf = 2, FeatureFraction = 0.5 }
                    : null,
                ResidualProcess = request.StackResidualGp,
                GateByProcessSd = request.StackGate,
                NearestNeighbours = request.StackNeighbours is { } ks ? [.. ParseList(ks, "--stack-knn").Select(k => (int)k)] : null,
            } : null,
        };
    }

    /// <summary>
    /// A request with the settings of <paramref name="spec"/> (<c>option=value</c> pairs separated by <c>;</c>, option names as on the
    /// command line without the dashes; flags take true or false) in place of its own.
    /// </summary>
    internal static MaterialsCvRequest Override(MaterialsCvRequest request, string spec)
    {
        foreach (var pair in spec.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"--select-from: expected option=value, found '{pair}'");
            }

            var (key, value) = (pair[..eq].Trim().TrimStart('-'), pair[(eq + 1)..].Trim());
            int Int() => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"--select-from: {key}: expected an integer, found '{value}'");
            double Real() => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"--select-from: {key}: expected a number, found '{value}'");
            bool Flag() => bool.TryParse(value, out var v) ? v : throw new FormatException($"--select-from: {key}: expected true or false, found '{value}'");
            request = key switch
            {
                "features" => request with { Features = value },
                "gp-features" => request with { GpFeatures = value },
                "gp2-features" => request with { Gp2Features = value },
                "model" => request with { Model = value },
                "learner" => request with { Learner = value },
                "booster" => request with { Booster = value },
                "aggregate" => request with { Aggregate = value },
                "robust" => request with { Robust = value },
                "ensemble" => request with { Ensemble = Int() },
                "trees" => request with { Trees = Int() },
                "leaves" => request with { Leaves = Int() },
                "learning-rate" => request with { LearningRate = Real() },
                "min-leaf" => request with { MinimumLeaf = Int() },
                "feature-fraction" => request with { FeatureFraction = Real() },
                "cross-fit" => request with { CrossFit = Int() },
                "gp-refit-folds" => request with { GpRefitFolds = Int() },
                "gp-kernel" => request with { GpKernel = value },
                "gp-criterion" => request with { GpCriterion = value },
                "gp-linear" => request with { GpLinear = value },
                "gp-optimise" => request with { GpOptimise = Flag() },
                "gp-ard" => request with { GpArd = Flag() },
                "no-ridge" => request with { Ridge = !Flag() },
                "stack-knn" => request with { StackNeighbours = value },
                "stack-forest" => request with { StackForest = Flag() },
                "stack-residual-gp" => request with { StackResidualGp = Flag() },
                "stack-gate" => request with { StackGate = Flag() },
                "target-transform" => request with { TargetTransform = value },
                _ => throw new FormatException($"--select-from: '{key}' cannot be overridden"),
            };
        }

        return request;
    }

    private static double[] ParseList(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            values[i] = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)
                ? v
                : throw new FormatException($"{option}: expected non-negative numbers separated by commas, found '{parts[i]}'");
        }

        return values.Length > 0 ? values : throw new FormatException($"{option}: no values");
    }

    internal static T Parse<T>(string text, string option)
        where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var v) && Enum.IsDefined(v)
            ? v
            : throw new FormatException($"{option}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}");
}
