using System.Diagnostics;
using System.Globalization;
using System.Text;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Models;
using TwinPlatform.Prognostics.Training;
using Trainer = TwinPlatform.Prognostics.Training.RulTrainer;

namespace TwinPlatform.Tools.RulTrainer;

/// <summary>
/// <c>train</c>: cross-validates one configuration on the training engines (grouped by engine),
/// fits the final model on every training engine with interval bands from the out-of-fold
/// residuals, writes the model folder, then scores the test set once and writes the model card.
/// </summary>
internal static class TrainCommand
{
    public const string Citation =
        "A. Saxena, K. Goebel, D. Simon, N. Eklund, \"Damage Propagation Modeling for Aircraft Engine Run-to-Failure Simulation\", " +
        "Proc. 1st Int. Conf. on Prognostics and Health Management (PHM08), Denver CO, 2008; NASA Ames Prognostics Data Repository (C-MAPSS FD001)";

    public static void Run(string data, string output, string config, string date, string id, string commandLine)
    {
        var watch = Stopwatch.StartNew();
        var options = Candidates.Parse(config);
        var trained = DateTimeOffset.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var train = CmapssReader.Read(Path.Combine(data, "train_FD001.txt"));
        Console.WriteLine($"{train.Source}: {train.Engines.Count} engines, {train.RowCount} cycles");
        var set = TrainingSet.Build(train, options.Features);

        var cv = Trainer.CrossValidate(set, options, Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cv all cycles: RMSE {cv.AllCycles.Rmse:F2}, coverage {cv.AllCycles.Coverage:F3}; degrading: RMSE {cv.DegradingCycles.Rmse:F2} ({watch.Elapsed.TotalSeconds:F0} s)"));

        var all = new bool[set.EngineCount];
        Array.Fill(all, true);
        var crossValidation = new ManifestCrossValidation
        {
            Folds = options.Folds,
            FoldSeed = options.FoldSeed,
            Protocol = $"{options.Folds}-fold cross-validation grouped by engine on {Path.GetFileName(train.Source)} only: engines shuffled with the fold seed and dealt round-robin; " +
                "the health indicator and every ensemble member refitted per fold; every cycle of each held-out engine predicted from its online features (no look-ahead); " +
                "truth capped at the cap; interval coverage cross-fitted (each fold covered by bands calibrated on the other folds' out-of-fold residuals)",
            AllCycles = ManifestMetrics.From(cv.AllCycles),
            DegradingCycles = ManifestMetrics.From(cv.DegradingCycles),
            FoldRmse = [.. cv.FoldRmse],
        };
        var fitted = Trainer.Fit(set, all, options, cv.Bands, m => m with
        {
            Id = id,
            Description = $"remaining useful life (cycles, capped at {options.CapCycles}) and health indicator of a C-MAPSS FD001 turbofan from its sensor history, with a {options.Level:P0} conformal interval",
            Algorithm = $"mean of {options.Members.Count} ML.NET gradient-boosted tree regressor(s) on online window features; Mondrian split-conformal interval on grouped out-of-fold residuals; configuration '{config}'",
            Trained = trained,
            CrossValidation = crossValidation,
            Data = m.Data with { Name = "NASA C-MAPSS FD001", Citation = Citation },
        });

        // The single evaluation on the test set.
        var test = CmapssReader.Read(Path.Combine(data, "test_FD001.txt"));
        var rul = CmapssReader.ReadRemainingUsefulLife(Path.Combine(data, "RUL_FD001.txt"));
        var metrics = Trainer.EvaluateAtLastCycle(fitted.Model, test, rul);
        var shorter = 0;
        foreach (var e in test.Engines)
        {
            if (e.CycleCount < options.Features.WindowLength)
            {
                shorter++;
            }
        }

        var manifest = fitted.Model.Manifest with
        {
            Data = fitted.Model.Manifest.Data with { TestFile = "test_FD001.txt", RulFile = "RUL_FD001.txt" },
            Test = new ManifestTestEvaluation
            {
                Protocol = $"evaluated once after model selection: every test engine replayed cycle by cycle through its own online state; the estimate after its last cycle is scored against RUL_FD001.txt capped at {options.CapCycles}",
                LastCycle = ManifestMetrics.From(metrics),
                EnginesShorterThanWindow = shorter,
            },
        };
        Trainer.Save(fitted, output);
        manifest.Write(Path.Combine(output, RulModelManifest.FileName));
        File.WriteAllText(Path.Combine(output, "MODEL_CARD.md"), ModelCard(manifest, output, commandLine));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test (last cycle, {metrics.Count} engines): RMSE {metrics.Rmse:F2}, PHM08 score {metrics.Phm08Score:F1}, coverage {metrics.Coverage:F2}, mean width {metrics.MeanIntervalWidth:F1}"));
        Console.WriteLine($"wrote {output} ({watch.Elapsed.TotalSeconds:F0} s)");
    }

    private static string ModelCard(RulModelManifest m, string output, string commandLine)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        var cv = m.CrossValidation!;
        var t = m.Test!.LastCycle;
        b.AppendLine(c, $"# Model card: {m.Id}");
        b.AppendLine();
        b.AppendLine(m.Description + ".");
        b.AppendLine();
        b.AppendLine(c, $"- Trained: {m.Trained:yyyy-MM-dd} (deterministic: member seeds 1..{m.Members.Count}, fold seed {cv.FoldSeed}, one thread per member)");
        b.AppendLine(c, $"- Algorithm: {m.Algorithm}");
        b.AppendLine(c, $"- Files: `model.json` (manifest: features, health indicator, interval bands, metrics), {string.Join(", ", m.Members.Select(x => $"`{x.File}`"))}");
        b.AppendLine(c, $"- Command (from the repository root): `dotnet run -c Release --project tools/TwinPlatform.Tools.RulTrainer -- {commandLine.Replace(Path.GetFullPath(output), output, StringComparison.Ordinal)}`");
        b.AppendLine("- Check (no retraining): `dotnet test tests/TwinPlatform.Prognostics.Tests` recomputes the test figures below from the committed files.");
        b.AppendLine();
        b.AppendLine("## Data");
        b.AppendLine();
        b.AppendLine(c, $"- {m.Data.Name}: `{m.Data.TrainFile}` ({m.Data.TrainEngines} engines run to failure, {m.Data.TrainRows} cycles), `{m.Data.TestFile}` and `{m.Data.RulFile}` (not in this repository: `../shared/data/sensors/cmapss/`).");
        b.AppendLine(c, $"- Citation: {m.Data.Citation}.");
        b.AppendLine();
        b.AppendLine("## Features");
        b.AppendLine();
        var w = m.Window;
        b.AppendLine(c, $"Online per-engine state (no look-ahead), sensors {string.Join(", ", m.HealthIndicator.Sensors)}: window {w.WindowLength} cycles, long window {w.LongWindowLength}, EWM spans {w.FastSmoothingSpan}/{w.SlowSmoothingSpan}, baseline {w.BaselineCycles} cycles. {m.Features.Count} features: `{string.Join("`, `", m.Features)}`.");
        b.AppendLine();
        b.AppendLine(c, $"Health indicator: {m.HealthIndicator.Fit}.");
        b.AppendLine();
        b.AppendLine("## Members");
        b.AppendLine();
        foreach (var member in m.Members)
        {
            b.AppendLine(c, $"- `{member.File}`: {member.Options.Describe()} ({member.Trees} trees)");
        }

        b.AppendLine();
        b.AppendLine("## Cross-validation (training fleet only; model selection used these)");
        b.AppendLine();
        b.AppendLine(cv.Protocol + ".");
        b.AppendLine();
        b.AppendLine("| subset | n | RMSE | MAE | bias | PHM08 / 100 | 90% coverage | mean width |");
        b.AppendLine("|---|---|---|---|---|---|---|---|");
        Row(b, "all held-out cycles", cv.AllCycles);
        Row(b, "held-out cycles with true RUL <= cap", cv.DegradingCycles);
        b.AppendLine();
        b.AppendLine(c, $"RMSE per fold: {string.Join(", ", cv.FoldRmse.Select(x => x.ToString("F2", c)))}.");
        b.AppendLine();
        b.AppendLine("## Test set (scored once)");
        b.AppendLine();
        b.AppendLine(m.Test.Protocol + ".");
        b.AppendLine();
        b.AppendLine("| engines | RMSE | MAE | bias | PHM08 score (sum) | 90% coverage | mean width |");
        b.AppendLine("|---|---|---|---|---|---|---|");
        b.AppendLine(c, $"| {t.Count} | {t.Rmse:F2} | {t.Mae:F2} | {t.Bias:F2} | {t.Phm08Score:F1} | {t.Coverage:F2} | {t.MeanIntervalWidth:F1} |");
        b.AppendLine();
        b.AppendLine(c, $"Test engines shorter than the {w.WindowLength}-cycle window: {m.Test.EnginesShorterThanWindow} (predicted from the cycles they have).");
        b.AppendLine();
        b.AppendLine("## Interval");
        b.AppendLine();
        b.AppendLine(c, $"{m.Interval.Method}; level {m.Interval.Level}; bins of predicted RUL with upper edges {string.Join(", ", m.Interval.BinUpperEdges.Select(x => x.ToString("F1", c)))}.");
        b.AppendLine();
        b.AppendLine("## Limits");
        b.AppendLine();
        b.AppendLine("- One operating condition and one fault mode (HPC degradation): FD001 only. Other C-MAPSS subsets need their own model.");
        b.AppendLine(c, $"- Predictions are capped at {m.CapCycles} cycles: a value at the cap means \"at least about that many cycles left\".");
        b.AppendLine("- The interval's coverage is marginal over engines like the training fleet; it is not a per-engine guarantee.");
        return b.ToString();
    }

    private static void Row(StringBuilder b, string name, ManifestMetrics x) =>
        b.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {x.Count} | {x.Rmse:F2} | {x.Mae:F2} | {x.Bias:F2} | {x.Phm08ScorePer100:F0} | {x.Coverage:F3} | {x.MeanIntervalWidth:F1} |");
}
