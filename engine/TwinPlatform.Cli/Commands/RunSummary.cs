using System.Globalization;
using System.Text.Json.Nodes;
using TwinPlatform.Materials;
using TwinPlatform.Twins.Reports;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Cli.Commands;

/// <summary>The short summary a run ends with.</summary>
internal static class RunSummary
{
    public static void Print(SceneRunResult run, IReadOnlyList<string> outputs, double totalSeconds)
    {
        var c = CultureInfo.InvariantCulture;
        var w = Console.Out;
        w.WriteLine();
        w.WriteLine($"== {run.Prepared.Scene.Name}: {run.Source} ==");
        foreach (var (id, m) in run.Prepared.Materials)
        {
            w.WriteLine($"material  {id}");
            foreach (var name in new[] { MaterialPropertyNames.TensileStrength, MaterialPropertyNames.FatigueStrength, MaterialPropertyNames.YoungsModulus })
            {
                if (m.Properties.TryGetValue(name, out var q))
                {
                    var gpa = name == MaterialPropertyNames.YoungsModulus;
                    var scale = gpa ? 1e9 : 1e6;
                    w.WriteLine(string.Create(c, $"  {name,-18} {q.Value.Mean / scale,8:F1} {(gpa ? "GPa" : "MPa")}  90% [{q.Value.Lower / scale:F1}, {q.Value.Upper / scale:F1}]  ({q.Provenance.Kind}{(q.InApplicabilityDomain ? string.Empty : ", OUT OF DOMAIN")})"));
                }
            }
        }

        foreach (var (id, twin) in run.Runtime.Components)
        {
            var model = run.Prepared.Components[id];
            w.WriteLine(string.Create(c, $"component {id}: {model.Statistics.NodeCount} nodes, {model.Statistics.DofCount} unknowns, {model.Statistics.TotalIterations} PCG iterations"));
            if (twin.Calibration is { Observations: > 0 } cal)
            {
                var e = cal.Modulus();
                w.WriteLine(string.Create(c, $"  calibrated E      {e.Mean / 1e9,8:F2} GPa  90% [{e.Lower / 1e9:F2}, {e.Upper / 1e9:F2}]  from {cal.Observations} gauge samples (nominal {cal.NominalModulusPa / 1e9:F1} GPa)"));
                var truthPath = run.Prepared.Scene.Feed.TruthPath;
                if (truthPath is not null && File.Exists(truthPath) && run.Source.StartsWith("replay", StringComparison.Ordinal))
                {
                    var truth = JsonNode.Parse(File.ReadAllText(truthPath))!;
                    var trueE = truth["youngs_modulus_true_pa"]!.GetValue<double>();
                    w.WriteLine(string.Create(c, $"  simulator's E     {trueE / 1e9,8:F2} GPa  ({(e.Contains(trueE) ? "inside" : "OUTSIDE")} the calibrated interval)"));
                }
            }
        }

        foreach (var level in run.Verdict.Levels)
        {
            foreach (var p in level.Headline)
            {
                w.WriteLine(string.Create(c, $"validate  {level.Level.ToString().ToLowerInvariant(),-9} {p.Quantity,-28} S {p.Simulation,9:G4}  D {p.Data,9:G4} {p.Unit,-11} E {p.ComparisonError,8:G3}  u_val {p.ValidationUncertainty,7:G3}  {(p.Passes ? "pass" : "FAIL")}"));
            }
        }

        w.WriteLine($"verdict   {run.Verdict.Summary}");
        var feed = run.Runtime.Feed;
        w.WriteLine($"feed      {feed.Released} samples; dropped {feed.Duplicates} duplicate(s) and {feed.Late} late; re-sorted {feed.Reordered}; flagged {feed.Bad} bad; rejected {feed.Rejected}; {feed.Gaps.TotalCount} gap(s)");
        foreach (var group in run.Runtime.Events.Groups)
        {
            w.WriteLine($"event     {group.Twin} {SceneReportWriter.EventKindName(group.Kind)} x{group.Count}: {group.First.Message}");
        }

        w.WriteLine(string.Create(c, $"time      prepare {run.PrepareSeconds:F1} s, twins {run.RunSeconds:F2} s, total {totalSeconds:F1} s"));
        w.WriteLine("outputs");
        foreach (var o in outputs)
        {
            w.WriteLine($"  {o}");
        }
    }
}
