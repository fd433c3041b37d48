using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Materials.Data;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Materials.Prediction.Manifest;

namespace TwinPlatform.Tools.Trainer;

/// <summary>
/// Trains the NIMS steel property model: loads the CSV, removes the held-out heat, runs grouped
/// cross-validation, trains the final ensembles and writes model.json, MODEL_CARD.md and the archives.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        TrainerArguments a;
        try
        {
            a = TrainerArguments.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(TrainerArguments.Usage);
            return 2;
        }

        try
        {
            Run(a, args);
            return 0;
        }
        catch (Exception e) when (e is InputFileException or FormatException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void Run(TrainerArguments a, string[] args)
    {
        var c = CultureInfo.InvariantCulture;
        var all = NimsFatigueData.Load(a.Data);
        Console.WriteLine($"{a.Data}: {all.RowCount} rows, {all.GroupCount} heats");

        IReadOnlyList<int> held = [];
        ManifestHoldout? holdout = null;
        if (a.HoldoutHeat is { } selectorText)
        {
            var selector = HeatSelector.Parse(selectorText, all);
            held = selector.SelectRows(all);
            if (held.Count == 0)
            {
                throw new FormatException($"--holdout-heat '{selectorText}' matches no row of {a.Data}");
            }

            holdout = new ManifestHoldout
            {
                Selector = selectorText,
                Rows = held.Count,
                Lines = [.. held.Select(all.Line)],
                Reason = "its measured fatigue and tensile strengths are the laboratory values of the bracket scene's steel; " +
                         "keeping every row of the heat (all tempering temperatures) out of training makes the scene's material-level validation a genuine held-out check",
            };
            Console.WriteLine($"holding out {held.Count} rows (lines {string.Join(", ", holdout.Lines)}) of heat {selectorText}");
        }

        var heldSet = new HashSet<int>(held);
        var keep = new List<int>();
        for (var i = 0; i < all.RowCount; i++)
        {
            if (!heldSet.Contains(i))
            {
                keep.Add(i);
            }
        }

        var train = all.Subset(keep);
        var options = new PropertyModelTrainingOptions
        {
            Id = a.Id ?? Path.GetFileName(Path.GetFullPath(a.Out).TrimEnd(Path.DirectorySeparatorChar)),
            Description = "Fatigue strength (rotating bending, 1e7 cycles) and tensile strength of quenched-and-tempered carbon and low-alloy steels " +
                          "from composition, heat treatment, reduction ratio and inclusion ratings, with 90% conformal prediction intervals.",
            Featurizer = NimsSteelFeaturizer.FeaturizerId,
            DataFile = Path.GetFileName(a.Data),
            Citation = NimsFatigueData.Citation,
            DataKinds = ["experiment"],
            Grouping = "same composition (C, Si, Mn, P, S, Ni, Cr, Cu, Mo), reduction ratio and inclusion ratings",
            Trained = a.Date,
            Ensemble = new EnsembleOptions { EnsembleSize = a.Ensemble, Seed = a.Seed, NumberOfTrees = a.Trees, LearningRate = a.LearningRate },
            Folds = a.Folds,
            Holdout = holdout,
            Log = line => Console.WriteLine($"  {line}"),
        };

        var started = DateTime.UtcNow;
        var model = PropertyModelTrainer.Train(train, options);
        model.Save(a.Out);
        Console.WriteLine($"trained in {(DateTime.UtcNow - started).TotalSeconds.ToString("F0", c)} s");

        var checks = new List<HoldoutCheck>();
        foreach (var i in held)
        {
            var x = all.Rows[i];
            var values = new List<(string, double, EnsemblePrediction)>();
            foreach (var p in all.Properties)
            {
                values.Add((p.Name, all.Target(p.Name)[i], model.PredictRaw(p.Name, x)));
            }

            checks.Add(new HoldoutCheck(all.Line(i), x[2], values));
            var domain = model.Domain.Check(x, model.Featurizer.Features);
            Console.WriteLine($"held-out line {all.Line(i)} (tempering {x[2].ToString("F0", c)} degC, domain distance {domain.Distance.ToString("F2", c)}, in domain {domain.InDomain}):");
            foreach (var (name, measured, p) in values)
            {
                Console.WriteLine($"  {name}: measured {measured.ToString("F0", c)}, predicted {p.Mean.ToString("F0", c)} [{p.Lower.ToString("F0", c)}, {p.Upper.ToString("F0", c)}] MPa");
            }
        }

        long size = 0;
        foreach (var f in Directory.GetFiles(a.Out))
        {
            size += new FileInfo(f).Length;
        }

        var command = "dotnet run --project tools/TwinPlatform.Tools.Trainer -- " + string.Join(' ', args.Select(x => x.Contains(' ', StringComparison.Ordinal) || x.Contains(',', StringComparison.Ordinal) ? $"\"{x}\"" : x));
        File.WriteAllText(Path.Combine(a.Out, "MODEL_CARD.md"), ModelCard.Build(model, checks, command, size));
        Console.WriteLine($"wrote {a.Out}: model.json, MODEL_CARD.md, {string.Join(", ", model.Manifest.Properties.Select(p => p.File))} ({(size / 1024.0).ToString("F0", c)} KiB)");
    }
}
