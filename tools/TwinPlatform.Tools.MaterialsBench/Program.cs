using System.Diagnostics;
using System.Globalization;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Import;
using TwinPlatform.Materials.Prediction;

// Experiment driver (replaced by the benchmark presets once settings are fixed).
var a = args.Select((x, i) => (x, i)).Where(t => t.x.StartsWith("--", StringComparison.Ordinal)).ToDictionary(t => t.x, t => t.i + 1 < args.Length ? args[t.i + 1] : "");
string Get(string k, string d) => a.TryGetValue(k, out var v) ? v : d;
var c = CultureInfo.InvariantCulture;
var import = RecordImporter.Import(Get("--mapping", ""), Get("--data", ""));
var selection = new RecordSelection
{
    Property = Get("--target", "yield_strength"),
    Grouping = Enum.Parse<RecordGrouping>(Get("--group", "Row"), true),
    Where = a.TryGetValue("--where", out var w) ? [ConditionFilter.Parse(w)] : [],
};
var set = selection.Select(import.Records);
if (a.ContainsKey("--dev"))
{
    // Development rows: the training rows of Matbench fold 1 only; CV within them with another seed.
    var mb = NumpyRandomState.KFold(set.Samples.Count, 5, 18012019);
    set = set.Subset(Enumerable.Range(0, set.Samples.Count).Where(i => mb[i] != 0));
}
var ens = new EnsembleOptions
{
    Learner = Enum.Parse<EnsembleLearner>(Get("--learner", "FastTree"), true),
    EnsembleSize = int.Parse(Get("--ensemble", "16"), c),
    NumberOfTrees = int.Parse(Get("--trees", "300"), c),
    NumberOfLeaves = int.Parse(Get("--leaves", "8"), c),
    LearningRate = double.Parse(Get("--lr", "0.05"), c),
    MinimumExampleCountPerLeaf = int.Parse(Get("--minleaf", "3"), c),
    FeatureFraction = double.Parse(Get("--ff", "0.8"), c),
};
var model = new RecordModelOptions
{
    Features = RecordFeatureOptions.Parse(Get("--features", "all")),
    Ensemble = ens,
    Candidates = a.ContainsKey("--tune") ? RecordModelOptions.DefaultGrid(ens) : null,
};
var sw = Stopwatch.StartNew();
var cv = RecordCrossValidation.Run(set, model, new CrossValidationOptions
{
    Folds = int.Parse(Get("--folds", "5"), c),
    Repeats = int.Parse(Get("--repeats", "1"), c),
    Scheme = Enum.Parse<FoldScheme>(Get("--scheme", "Matbench"), true),
    Seed = int.Parse(Get("--seed", "18012019"), c),
    Log = Console.WriteLine,
});
Console.WriteLine(string.Create(c, $"rows {cv.Rows} groups {cv.Groups}: mean fold MAE {cv.MeanFoldMae:F2} ± {cv.FoldMaeStandardDeviation:F2}, RMSE {cv.MeanFoldRmse:F2}, R2 {cv.MeanFoldRSquared:F3}, coverage {cv.Pooled.Coverage:F3}, width {cv.Pooled.MeanWidth:F1}; {sw.Elapsed.TotalSeconds:F0} s"));
