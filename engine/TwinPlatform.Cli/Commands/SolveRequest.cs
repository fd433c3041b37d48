using TwinPlatform.Simulation.Analysis;

namespace TwinPlatform.Cli.Commands;

/// <summary>The options of <c>twin solve</c>.</summary>
/// <param name="Deck">The deck (.inp) to solve.</param>
public sealed record SolveRequest(string Deck)
{
    /// <summary>Output folder; null for out/&lt;deck name&gt;.</summary>
    public string? Output { get; init; }

    /// <summary>Solver that writes result.json and result.vtu: builtin or ccx.</summary>
    public string Solver { get; init; } = "builtin";

    /// <summary>A second solver to compare against, or null.</summary>
    public string? Compare { get; init; }

    /// <summary>Threads per solver; -1 for one per processor.</summary>
    public int Threads { get; init; } = -1;

    /// <summary>Mass integration of the built-in solver's frequency steps.</summary>
    public MassIntegration Mass { get; init; } = MassIntegration.Exact;
}
