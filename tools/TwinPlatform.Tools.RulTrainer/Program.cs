using System.Diagnostics;
using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Training;
using Trainer = TwinPlatform.Prognostics.Training.RulTrainer;

namespace TwinPlatform.Tools.RulTrainer;

/// <summary>
/// cv: grouped cross-validation of named configurations on the training engines (never reads the test set).
/// train: cross-validates the chosen configuration, fits the final model, writes the model folder,
/// evaluates once on the test set and writes the model card.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          RulTrainer cv    --data DIR [--config NAME ...]
          RulTrainer train --data DIR --out DIR --config NAME [--date YYYY-MM-DD] [--id ID]
        DIR for --data holds train_FD001.txt, test_FD001.txt and RUL_FD001.txt (../shared/data/sensors/cmapss).
        """;

    private static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0)
            {
                throw new FormatException("no command");
            }

            var options = ParseOptions(args.AsSpan(1));
            switch (args[0])
            {
                case "cv":
                    CrossValidate(options);
                    break;
                case "train":
                    TrainCommand.Run(
                        Single(options, "data"),
                        Single(options, "out"),
                        Single(options, "config"),
                        options.TryGetValue("date", out var date) ? date[0] : "2026-01-01",
                        options.TryGetValue("id", out var id) ? id[0] : "cmapss-fd001",
                        string.Join(' ', args.Select(a => a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
                    break;
                default:
                    throw new FormatException($"unknown command '{args[0]}'");
            }

            return 0;
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is InputFileException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void CrossValidate(Dictionary<string, List<string>> options)
    {
        var data = Single(options, "data");
        var configs = options.TryGetValue("config", out var c) ? c : [.. Candidates.Names];
        var watch = Stopwatch.StartNew();
        var train = CmapssReader.Read(Path.Combine(data, "train_FD001.txt"));
        Console.WriteLine($"{train.Source}: {train.Engines.Count} engines, {train.RowCount} cycles");
        var sets = new Dictionary<string, TrainingSet>();
        foreach (var name in configs)
        {
            var o = Candidates.Parse(name);
            var key = o.Features.ToString();
            if (!sets.TryGetValue(key, out var set))
            {
                set = TrainingSet.Build(train, o.Features);
                sets[key] = set;
            }

            var t0 = watch.Elapsed;
            var cv = Trainer.CrossValidate(set, o);
            var a = cv.AllCycles;
            var d = cv.DegradingCycles;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} all: RMSE {a.Rmse:F2} score/100 {a.Phm08ScorePer100:F0} cover {a.Coverage:F3} width {a.MeanIntervalWidth:F1} | degrading: RMSE {d.Rmse:F2} score/100 {d.Phm08ScorePer100:F0} cover {d.Coverage:F3} bias {d.Bias:F2} | folds {string.Join(' ', cv.FoldRmse.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))} | {(watch.Elapsed - t0).TotalSeconds:F0} s"));
            if (options.ContainsKey("smoothing"))
            {
                ReportSmoothing(set, cv, o.CapCycles);
            }

        }
    }

    private static void ReportSmoothing(TrainingSet set, CrossValidationResult cv, double cap)
    {
        foreach (var alpha in new[] { 1.0, 0.5, 0.3, 0.2 })
        {
            foreach (var margin in new[] { 10.0, 30.0 })
            {
                double ssAll = 0, ssDeg = 0;
                int nAll = 0, nDeg = 0;
                double smooth = 0;
                for (var i = 0; i < set.Count; i++)
                {
                    var p = cv.Predictions[i];
                    if (set.Cycle[i] == 1)
                    {
                        smooth = p;
                    }
                    else
                    {
                        var step = Math.Clamp((cap - smooth) / margin, 0.0, 1.0);
                        smooth = (alpha * p) + ((1 - alpha) * Math.Max(0, smooth - step));
                    }

                    var y = Math.Min(set.RemainingCycles[i], cap);
                    var d = smooth - y;
                    ssAll += d * d;
                    nAll++;
                    if (set.RemainingCycles[i] <= cap)
                    {
                        ssDeg += d * d;
                        nDeg++;
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  smoothing alpha {alpha} margin {margin}: all RMSE {Math.Sqrt(ssAll / nAll):F2}, degrading RMSE {Math.Sqrt(ssDeg / nDeg):F2}"));
            }
        }
    }

    private static Dictionary<string, List<string>> ParseOptions(ReadOnlySpan<string> args)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new FormatException($"expected --name value, got '{args[i]}'");
            }

            var key = args[i][2..];
            if (!result.TryGetValue(key, out var list))
            {
                list = [];
                result[key] = list;
            }

            list.Add(args[++i]);
        }

        return result;
    }

    private static string Single(Dictionary<string, List<string>> options, string name) =>
        options.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : throw new FormatException($"--{name} is required once");
}
