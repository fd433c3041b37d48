using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TwinPlatform.Tools.SolverBench;

/// <summary>The scaling table as markdown and JSON.</summary>
internal static class Report
{
    public static void Write(BenchOptions options, string machine, IReadOnlyList<BenchRow> rows)
    {
        File.WriteAllText(Path.Combine(options.WorkFolder, "le10-scaling.md"), Markdown(options, machine, rows));
        var json = new { machine, threads = options.Threads, rows };
        File.WriteAllText(Path.Combine(options.WorkFolder, "le10-scaling.json"), JsonSerializer.Serialize(json, BenchJson.Options));
    }

    public static string Markdown(BenchOptions options, string machine, IReadOnlyList<BenchRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"Machine: {machine}; {options.Threads} threads for both solvers.");
        s.AppendLine();
        s.AppendLine("| clscale | DOF | nodes | elements | ccx s | ccx CPU s | ccx MB | TP s | TP CPU s | TP MB | speed ratio | memory ratio | ccx sigma_yy(D) MPa | TP sigma_yy(D) MPa | difference | TP CG iterations |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            s.AppendLine(c, $"| {r.Scale:0.###} | {r.Dof:N0} | {r.Nodes:N0} | {r.Elements:N0} | {F(r.CcxSeconds, "F1")} | {F(r.CcxCpuSeconds, "F1")} | {F(r.CcxPeakMb, "F0")} | {r.TpSeconds:F1} | {r.TpCpuSeconds:F1} | {r.TpPeakMb:F0} | " +
                $"{F(r.SpeedRatio, "F1")}x | {F(r.MemoryRatio, "F1")}x | {F(r.CcxSigmaYy, "F4")} | {r.TpSigmaYy:F4} | {F(r.DifferencePercent, "F3")}% | {r.TpIterations} |");
        }

        return s.ToString();

        string F(double? v, string format) => v is { } x ? x.ToString(format, c) : "-";
    }
}
