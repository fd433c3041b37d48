using System.Globalization;
using System.Text;
using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Simulation.Solving;

/// <summary>Plain-text summaries of a solution and of a comparison, as <c>twin solve</c> prints them.</summary>
public static class SolutionReport
{
    /// <summary>A few lines per step: cost, peak values and where they occur, frequencies.</summary>
    public static string Summary(FeProblem problem, FeSolution solution)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        var deck = problem.Deck;
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.AppendLine(c, $"== {problem.Name}: {deck.NodeCount} nodes, {deck.Elements.Count} elements ({ElementTypes(deck)}), {deck.Steps.Count} step(s) ==");
        var version = solution.SolverVersion.Length > 0 ? " " + solution.SolverVersion : string.Empty;
        b.AppendLine(c, $"solver    {solution.SolverName}{version}, {solution.Threads} thread(s), {solution.WallTime.TotalSeconds:F2} s, peak memory {Memory(solution.PeakMemoryBytes)}");
        foreach (var r in solution.Steps)
        {
            var ids = solution.NodeIds;
            var head = string.Create(c, $"step {r.StepNumber}    {Procedure(r.Kind)}");
            if (r.Iterations > 0)
            {
                head += string.Create(c, $": {r.Iterations} iterations, relative residual {r.RelativeResidual:G3}, {r.SolveTime.TotalSeconds:F2} s");
            }

            b.AppendLine(head);
            if (r.Displacements is { } u)
            {
                var (value, node) = MaxNorm(u, 3);
                b.AppendLine(c, $"  max |u|           {value,14:G6}  at node {ids[node]}");
            }

            if (r.VonMises() is { } vm)
            {
                var (value, node) = MaxNorm(vm, 1);
                b.AppendLine(c, $"  max von Mises     {value,14:G6}  at node {ids[node]}");
            }

            if (r.PrincipalStresses() is { } principal)
            {
                int hi = 0, lo = 0;
                for (var n = 1; n < principal.Length / 3; n++)
                {
                    hi = principal[3 * n] > principal[3 * hi] ? n : hi;
                    lo = principal[(3 * n) + 2] < principal[(3 * lo) + 2] ? n : lo;
                }

                b.AppendLine(c, $"  max principal     {principal[3 * hi],14:G6}  at node {ids[hi]}");
                b.AppendLine(c, $"  min principal     {principal[(3 * lo) + 2],14:G6}  at node {ids[lo]}");
            }

            if (r.Reactions is { } rf)
            {
                double x = 0, y = 0, z = 0;
                for (var n = 0; n < rf.Length / 3; n++)
                {
                    (x, y, z) = (x + rf[3 * n], y + rf[(3 * n) + 1], z + rf[(3 * n) + 2]);
                }

                b.AppendLine(c, $"  total reaction    ({x:G6}, {y:G6}, {z:G6})");
            }

            if (r.Temperatures is { Length: > 0 } t)
            {
                int lo = 0, hi = 0;
                for (var n = 1; n < t.Length; n++)
                {
                    lo = t[n] < t[lo] ? n : lo;
                    hi = t[n] > t[hi] ? n : hi;
                }

                b.AppendLine(c, $"  temperature       {t[lo]:G6} (node {ids[lo]}) .. {t[hi]:G6} (node {ids[hi]})");
            }

            if (r.HeatFlux is { } q)
            {
                var (value, node) = MaxNorm(q, 3);
                b.AppendLine(c, $"  max |heat flux|   {value,14:G6}  at node {ids[node]}");
            }

            if (r.Modes.Count > 0)
            {
                var list = new List<string>();
                foreach (var m in r.Modes)
                {
                    list.Add(m.FrequencyHz.ToString("G6", c));
                }

                b.AppendLine(c, $"  frequencies (Hz)  {string.Join(", ", list)}");
            }
        }

        foreach (var w in solution.Warnings)
        {
            b.AppendLine("warning   " + w);
        }

        return b.ToString();
    }

    /// <summary>The largest differences per step and field, with the node where each occurs.</summary>
    public static string Comparison(FeSolution reference, FeSolution other, IReadOnlyList<StepComparison> comparison)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(comparison);
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(c, $"== {other.SolverName} vs {reference.SolverName} (difference relative to the largest |{reference.SolverName}| value of the field) ==");
        b.AppendLine(c, $"time      {reference.SolverName} {reference.WallTime.TotalSeconds:F2} s, {other.SolverName} {other.WallTime.TotalSeconds:F2} s; peak memory {Memory(reference.PeakMemoryBytes)} vs {Memory(other.PeakMemoryBytes)}");
        foreach (var s in comparison)
        {
            b.AppendLine(c, $"step {s.StepNumber}    {Procedure(s.Kind)}");
            foreach (var f in s.Fields)
            {
                b.AppendLine(c, $"  {f.Field,-14} max diff {100 * f.MaxRelative,9:F4} %  at node {f.NodeId} component {f.Component + 1}: {reference.SolverName} {f.ReferenceValue:G6}, {other.SolverName} {f.OtherValue:G6} (scale {f.Scale:G4}, {f.ComparedNodes} nodes)");
            }

            foreach (var p in s.Points)
            {
                b.AppendLine(c, $"  {p.Field + " (points)",-14} max diff {100 * p.MaxRelative,9:F4} %  at element {p.ElementId} point {p.Point} component {p.Component + 1}: {reference.SolverName} {p.ReferenceValue:G6}, {other.SolverName} {p.OtherValue:G6} (scale {p.Scale:G4}, {p.ComparedPoints} points)");
            }

            foreach (var m in s.Frequencies)
            {
                b.AppendLine(c, $"  mode {m.Mode,-3}        {reference.SolverName} {m.ReferenceHz,12:G8} Hz  {other.SolverName} {m.OtherHz,12:G8} Hz  diff {100 * m.Relative,8:F4} %");
            }
        }

        return b.ToString();
    }

    private static string ElementTypes(InpDeck deck)
    {
        var counts = new SortedDictionary<DeckElementType, int>();
        foreach (var e in deck.Elements)
        {
            counts[e.Type] = counts.GetValueOrDefault(e.Type) + 1;
        }

        var parts = new List<string>();
        foreach (var (type, count) in counts)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {type}"));
        }

        return string.Join(", ", parts);
    }

    private static string Procedure(DeckStepKind kind) => kind switch
    {
        DeckStepKind.Static => "*STATIC",
        DeckStepKind.HeatTransfer => "*HEAT TRANSFER, STEADY STATE",
        _ => "*FREQUENCY",
    };

    private static string Memory(long? bytes) =>
        bytes is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v / (1024.0 * 1024.0):F1} MiB") : "not measured";

    private static (double Value, int Node) MaxNorm(double[] values, int components)
    {
        double best = -1;
        var node = 0;
        for (var n = 0; n < values.Length / components; n++)
        {
            var sum = 0.0;
            for (var k = 0; k < components; k++)
            {
                sum += values[(components * n) + k] * values[(components * n) + k];
            }

            if (sum > best)
            {
                (best, node) = (sum, n);
            }
        }

        return (Math.Sqrt(Math.Max(best, 0)), node);
    }
}
