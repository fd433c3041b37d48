using System.Diagnostics;
using System.Text.Json;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Tools.SolverBench;

/// <summary>
/// The measured TwinPlatform child: reads the deck, solves it with the built-in solver exactly as <c>twin solve</c>
/// does (deck parse, mesh, assembly, preconditioner, CG, stress recovery) and writes sigma_yy at node set D.
/// </summary>
internal static class SolveOnly
{
    public static int Run(string deckPath, string resultPath, int threads)
    {
        var clock = Stopwatch.StartNew();
        var stages = new List<string>();
        var progress = new SynchronousProgress(line =>
        {
            var stamped = $"[{clock.Elapsed.TotalSeconds,7:F2} s] {line}";
            stages.Add(stamped);
            Console.Error.WriteLine(stamped);
        });
        var deck = InpReader.Read(deckPath);
        progress.Report($"deck read: {deck.NodeCount} nodes, {deck.Elements.Count} elements");
        var solution = new BuiltInSolver().Solve(new FeProblem(deck), new FeSolveOptions { Threads = threads, Progress = progress });
        var step = solution.Steps[0];
        var d = deck.NodeSets.TryGetValue("D", out var set) ? set.Ids[0] : throw new InvalidOperationException("the deck has no node set D");
        var index = solution.IndexOfNode(d);
        var result = new SolveOnlyResult
        {
            Nodes = deck.NodeCount,
            Elements = deck.Elements.Count,
            SigmaYyAtD = step.Stresses![(6 * index) + 1],
            Iterations = step.Iterations,
            RelativeResidual = step.RelativeResidual,
            SolveSeconds = step.SolveTime.TotalSeconds,
            InsideSeconds = clock.Elapsed.TotalSeconds,
            Stages = stages,
        };
        progress.Report($"sigma_yy at D (node {d}) = {result.SigmaYyAtD:G6}");
        File.WriteAllText(resultPath, JsonSerializer.Serialize(result, BenchJson.Options));
        return 0;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the pool).</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
