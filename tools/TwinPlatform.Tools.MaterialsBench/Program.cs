using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TwinPlatform.Cli.Commands;
using TwinPlatform.Materials.Design;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Import;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Tools.MaterialsBench;

// Runs the materials benchmarks recorded in docs/materials.md, from the repository root:
//   dotnet run -c Release --project tools/TwinPlatform.Tools.MaterialsBench -- [name ...]
// With no names every benchmark runs. Unknown names stop it before anything runs (exit code 2); a benchmark that
// fails is reported and the others go on (exit code 1 at the end). Writes out/materials-bench/<name>.json
// and prints a markdown table.
var c = CultureInfo.InvariantCulture;
const string Data = "../shared/data/materials/";
const string Maps = "models/mappings/";
var matbench = new MaterialsCvRequest(Data + "matbench_steels.json", Maps + "matbench_steels.yaml", "yield_strength") { Scheme = "matbench", Features = "fractions", MinimumLeaf = 5 };
var nims = new MaterialsCvRequest(Data + "nims_fatigue.csv", Maps + "nims_fatigue.yaml", "fatigue_strength") { Repeats = 3 };
var mpea = new MaterialsCvRequest(Data + "MPEA_dataset.csv", Maps + "mpea.yaml", "yield_strength");
Benchmark[] all =
[
    new("matbench", "Matbench steels yield strength (Matbench folds)", matbench),
    new("matbench-trees", "Matbench steels, trees only", matbench with { Model = "trees" }),
    new("matbench-trees-magpie", "Matbench steels, trees only, all features (fractions + Magpie statistics)", matbench with { Model = "trees", Features = "all" }),
    new("matbench-stack", "Matbench steels, stack of cross-fitted trees (all features) and a Gaussian process (fractions)",
        matbench with { Model = "stack", Features = "all", GpFeatures = "fractions", CrossFit = 16, Ensemble = 96, GpRefitFolds = 5 }),
    new("matbench-extratrees", "Matbench steels, extremely randomised trees on the atom fractions (1024 trees, cross-fitted over 16 folds)",
        matbench with { Model = "trees", Learner = "extratrees", Ensemble = 1024, CrossFit = 16, MinimumLeaf = 1, FeatureFraction = 1 }),
    new("nims-fatigue", "NIMS fatigue strength (1e7 cycles), heats held out", nims),
    new("nims-tensile", "NIMS tensile strength, heats held out", nims with { Target = "tensile_strength" }),
    new("mpea-rt", "MPEA yield strength at room temperature (15-30 degC), alloys held out", mpea with { Where = ["test_temperature=15..30 degC"] }),
    new("mpea-temperature", "MPEA yield strength, all test temperatures (test temperature an input), alloys held out", mpea),
];

string[] known = [.. all.Select(b => b.Name), "active-learning"];
var usage = $"usage: MaterialsBench [name ...]; names: {string.Join(", ", known)}; none runs them all";
if (args is ["--help"] or ["-h"])
{
    Console.Error.WriteLine(usage);
    return 0;
}

// Every name is checked before anything runs, so a misspelt third name does not cost the first two's minutes.
var names = args.Length == 0 ? known : args;
if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
{
    Console.Error.WriteLine($"unknown benchmark '{unknown}'\n{usage}");
    return 2;
}

var table = new StringBuilder();
table.AppendLine("| benchmark | rows (groups) | MAE | RMSE | R² | 90% coverage | mean width | time |");
table.AppendLine("|---|---|---|---|---|---|---|---|");
Directory.CreateDirectory(Path.Combine("out", "materials-bench"));
var failed = 0;
foreach (var name in names)
{
    if (name == "active-learning")
    {
        ActiveLearning();
        continue;
    }

    var b = all.First(x => x.Name == name);
    Console.Error.WriteLine($"== {b.Name}: {b.CommandLine}");
    var sw = Stopwatch.StartNew();
    var output = new StringWriter();
    var code = MaterialsCvCommand.Execute(b.Request with { Json = true }, output, Console.Error);
    if (code != 0)
    {
        Console.Error.WriteLine($"{b.Name} failed with exit code {code}");
        failed++;
        continue;
    }

    File.WriteAllText(Path.Combine("out", "materials-bench", b.Name + ".json"), output.ToString());
    using var doc = JsonDocument.Parse(output.ToString());
    var root = doc.RootElement;
    var mean = root.GetProperty("mean_over_folds");
    var unit = root.GetProperty("unit").GetString();
    var line = string.Create(c,
        $"| {b.Title} | {root.GetProperty("rows").GetInt32()} ({root.GetProperty("groups").GetInt32()}) | {mean.GetProperty("mae").GetDouble():F2} ± {mean.GetProperty("mae_sd").GetDouble():F2} {unit} | {mean.GetProperty("rmse").GetDouble():F2} | {mean.GetProperty("r2").GetDouble():F3} | {mean.GetProperty("coverage").GetDouble():F3} | {mean.GetProperty("mean_width").GetDouble():F1} {unit} | {sw.Elapsed.TotalSeconds:F0} s |");
    table.AppendLine(line);
    Console.Error.WriteLine(line);
    Console.Error.WriteLine($"   `{b.CommandLine}`");
}

Console.WriteLine(table.ToString());
return failed == 0 ? 0 : 1;

void ActiveLearning()
{
    // The unit test's protocol with more seeds: rounds (4 experiments each) until a top-5% fatigue strength is measured.
    var sw = Stopwatch.StartNew();
    var import = RecordImporter.Import(Maps + "nims_fatigue.yaml", Data + "nims_fatigue.csv");
    var set = new RecordSelection { Property = "fatigue_strength" }.Select(import.Records);
    var sorted = set.Samples.Select(s => s.Target).Order().ToArray();
    var threshold = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
    var model = new RecordModelOptions
    {
        Features = RecordFeatureOptions.Parse("mass,process,attributes"),
        Ensemble = new EnsembleOptions { Learner = EnsembleLearner.LightGbm, EnsembleSize = 16, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 2 },
        Blend = new BlendOptions(),
    };
    var ei = Enumerable.Range(100, 20).Select(s => ActiveLearningSimulation.RoundsToFind(set, threshold, 12, 4, 20, s, model)).ToArray();
    var random = Enumerable.Range(100, 500).Select(s => ActiveLearningSimulation.RoundsToFind(set, threshold, 12, 4, 20, s, null)).ToArray();
    Console.Error.WriteLine(string.Create(c,
        $"active learning (NIMS fatigue >= {threshold} MPa, top 5%): expected improvement {ei.Average():F2} rounds (20 seeds: {string.Join(" ", ei)}), random {random.Average():F2} rounds (500 seeds); {sw.Elapsed.TotalSeconds:F0} s"));
}
