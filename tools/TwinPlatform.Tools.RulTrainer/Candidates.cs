using System.Globalization;
using TwinPlatform.Prognostics.Features;
using TwinPlatform.Prognostics.Training;

namespace TwinPlatform.Tools.RulTrainer;

/// <summary>
/// Training configurations compared by cross-validation, written as <c>base;key=value;...</c>:
/// a named base (<c>baseline</c>: window means, slopes and last values of the 14 sensors, one
/// LightGBM; <c>full</c>: every feature) and overrides of its settings.
/// </summary>
/// <remarks>
/// Keys: trees, leaves, lr, min, ff, ss, l2, learner (lgbm|fasttree|mix), members (ensemble size;
/// seeds 1..n, alternating learners for mix), window, long, fast, slow, base, hw (healthy-cycle
/// weight), ridge, bins, stats (statistics the trees see, '+'-separated: mean, slope, last, fast, slow,
/// longslope, baseline, shift, qfit, qslope, qcurv), hi (statistics of the health indicator the trees see, same names or
/// none), cycle (0|1).
/// </remarks>
internal static class Candidates
{
    public static IReadOnlyList<string> Names => ["baseline", "full"];

    public static RulTrainingOptions Parse(string spec)
    {
        var parts = spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < parts.Length; i++)
        {
            var kv = parts[i].Split('=', 2);
            if (kv.Length != 2)
            {
                throw new FormatException($"'{parts[i]}' in configuration '{spec}' is not key=value");
            }

            settings[kv[0]] = kv[1];
        }

        string[] stats, hi;
        bool cycle;
        var member = new RulMemberOptions { NumberOfTrees = 500, NumberOfLeaves = 16, LearningRate = 0.03, MinimumExampleCountPerLeaf = 50, FeatureFraction = 0.5, SubsampleFraction = 0.8 };
        switch (parts.Length > 0 ? parts[0] : string.Empty)
        {
            case "baseline":
                stats = ["mean", "slope", "last"];
                hi = [];
                cycle = false;
                member = member with { FeatureFraction = 0.7 };
                break;
            case "full":
                stats = [.. StatisticKeys];
                hi = [.. StatisticKeys];
                cycle = true;
                break;
            default:
                throw new FormatException($"configuration '{spec}' must start with one of: {string.Join(", ", Names)}");
        }

        var window = new FeatureWindowOptions();
        var options = new RulTrainingOptions();
        var members = 1;
        var learner = "lgbm";
        foreach (var (key, value) in settings)
        {
            switch (key)
            {
                case "trees": member = member with { NumberOfTrees = Int(value) }; break;
                case "leaves": member = member with { NumberOfLeaves = Int(value) }; break;
                case "lr": member = member with { LearningRate = Double(value) }; break;
                case "min": member = member with { MinimumExampleCountPerLeaf = Int(value) }; break;
                case "ff": member = member with { FeatureFraction = Double(value) }; break;
                case "ss": member = member with { SubsampleFraction = Double(value) }; break;
                case "l2": member = member with { L2Regularization = Double(value) }; break;
                case "learner": learner = value; break;
                case "members": members = Int(value); break;
                case "window": window = window with { WindowLength = Int(value) }; break;
                case "long": window = window with { LongWindowLength = Int(value) }; break;
                case "fast": window = window with { FastSmoothingSpan = Int(value) }; break;
                case "slow": window = window with { SlowSmoothingSpan = Int(value) }; break;
                case "base": window = window with { BaselineCycles = Int(value) }; break;
                case "hw": options = options with { HealthyCycleWeight = Double(value) }; break;
                case "ridge": options = options with { HealthIndicatorRidge = Double(value) }; break;
                case "bins": options = options with { IntervalBins = Int(value) }; break;
                case "stats": stats = value == "none" ? [] : value.Split('+'); break;
                case "hi": hi = value == "none" ? [] : value.Split('+'); break;
                case "cycle": cycle = value == "1"; break;
                default: throw new FormatException($"unknown key '{key}' in configuration '{spec}'");
            }
        }

        var layout = new FeatureLayout(window);
        var list = new List<RulMemberOptions>();
        for (var m = 0; m < members; m++)
        {
            var l = learner switch
            {
                "lgbm" => GradientBoostingLearner.LightGbm,
                "fasttree" => GradientBoostingLearner.FastTree,
                "mix" => m % 2 == 0 ? GradientBoostingLearner.LightGbm : GradientBoostingLearner.FastTree,
                _ => throw new FormatException($"unknown learner '{learner}'"),
            };
            list.Add(member with { Learner = l, Seed = m + 1 });
        }

        return options with
        {
            Features = window,
            FeatureNames = Select(layout, stats, cycle, hi),
            Members = list,
        };
    }

    private static readonly string[] StatisticKeys = ["mean", "slope", "last", "fast", "slow", "longslope", "baseline", "shift", "qfit", "qslope", "qcurv"];

    private static SensorStatistic Statistic(string key)
    {
        var i = Array.IndexOf(StatisticKeys, key);
        return i >= 0 ? (SensorStatistic)i : throw new FormatException($"unknown statistic '{key}'; known: {string.Join(", ", StatisticKeys)}");
    }

    private static string[] Select(FeatureLayout layout, string[] statistics, bool cycle, string[] indicator)
    {
        var names = new List<string>();
        foreach (var key in statistics)
        {
            var k = Statistic(key);
            for (var i = 0; i < layout.SensorCount; i++)
            {
                names.Add(layout.Name(layout.IndexOf(k, i)));
            }
        }

        if (cycle)
        {
            names.Add(layout.Name(layout.CycleIndex));
        }

        foreach (var key in indicator)
        {
            names.Add(layout.Name(layout.HealthIndicatorOffset + (int)Statistic(key)));
        }

        return [.. names];
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
