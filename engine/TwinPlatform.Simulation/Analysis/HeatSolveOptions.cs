namespace TwinPlatform.Simulation.Analysis;

/// <summary>Options of <see cref="HeatTransferModel.Solve"/>.</summary>
public sealed record HeatSolveOptions
{
    /// <summary>Preconditioner; incomplete Cholesky by default.</summary>
    public PreconditionerKind Preconditioner { get; init; } = PreconditionerKind.IncompleteCholesky;

    /// <summary>Relative residual at which the solve is converged.</summary>
    public double RelativeTolerance { get; init; } = 1e-10;

    /// <summary>Iteration limit; reaching it throws <see cref="Solvers.ConvergenceException"/>.</summary>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>Threads for assembly and products; -1 for one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Receives one line per stage.</summary>
    public IProgress<string>? Progress { get; init; }
}
