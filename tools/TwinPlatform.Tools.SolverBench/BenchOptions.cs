using System.Globalization;

namespace TwinPlatform.Tools.SolverBench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: solverbench [--scales a,b,...] [--threads N] [--work DIR] [--geo FILE] [--deck FILE] [--skip-ccx]\n" +
        "       solverbench --solve-only DECK.inp [--result FILE.json] [--threads N]";

    /// <summary>gmsh -clscale factors, coarse to fine.</summary>
    public IReadOnlyList<double> Scales { get; init; } = [1.25, 0.9, 0.68, 0.54, 0.44];

    /// <summary>Threads for both solvers (OMP_NUM_THREADS for ccx).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public string WorkFolder { get; init; } = Path.Combine("out", "solverbench");

    public string Geometry { get; init; } = Path.Combine("benchmarks", "nafems", "le10.geo");

    public string Deck { get; init; } = Path.Combine("benchmarks", "nafems", "le10.inp");

    public bool SkipCcx { get; init; }

    public string? SolveOnlyDeck { get; init; }

    public string? ResultPath { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--scales" => o with { Scales = [.. Next().Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture))] },
                "--threads" => o with { Threads = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--work" => o with { WorkFolder = Next() },
                "--geo" => o with { Geometry = Next() },
                "--deck" => o with { Deck = Next() },
                "--skip-ccx" => o with { SkipCcx = true },
                "--solve-only" => o with { SolveOnlyDeck = Next() },
                "--result" => o with { ResultPath = Next() },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return o;
    }
}
