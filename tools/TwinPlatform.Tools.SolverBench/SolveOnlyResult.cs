namespace TwinPlatform.Tools.SolverBench;

/// <summary>What the solve-only child reports back.</summary>
internal sealed record SolveOnlyResult
{
    public int Nodes { get; init; }

    public int Elements { get; init; }

    public double SigmaYyAtD { get; init; }

    public int Iterations { get; init; }

    public double RelativeResidual { get; init; }

    public double SolveSeconds { get; init; }

    public double InsideSeconds { get; init; }

    public IReadOnlyList<string> Stages { get; init; } = [];
}
