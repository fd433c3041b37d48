using TwinPlatform.Tools.SolverBench;

// LE10 scaling benchmark (docs/solver-performance.md), from the repository root:
//   dotnet run -c Release --project tools/TwinPlatform.Tools.SolverBench -- [--scales 1.25,0.9,0.68,0.54,0.44] [--threads 2]
//       [--work out/solverbench] [--skip-ccx]
// For every mesh scale: gmsh meshes benchmarks/nafems/le10.geo (Tet10), the deck is written once, then ccx and this
// tool in --solve-only mode solve it as child processes under /usr/bin/time (wall time, peak RSS). Prints the table and
// writes out/solverbench/le10-scaling.md and .json.
//   ... -- --solve-only <deck.inp> --result <result.json> [--threads N]   one built-in solve (the measured child)
try
{
    var options = BenchOptions.Parse(args);
    return options.SolveOnlyDeck is { } deck
        ? SolveOnly.Run(deck, options.ResultPath ?? Path.ChangeExtension(deck, ".tp.json"), options.Threads)
        : new Harness(options).Run();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"solverbench: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
