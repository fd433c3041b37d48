namespace TwinPlatform.Simulation.Analysis;

/// <summary>Options of <see cref="StaticModel.Solve"/>.</summary>
public sealed record StaticSolveOptions
{
    /// <summary>Preconditioner; two-level p-multigrid by default (incomplete Cholesky for linear meshes).</summary>
    public PreconditionerKind Preconditioner { get; init; } = PreconditionerKind.Multigrid;

    /// <summary>Relative residual ||f - K u|| / ||f|| at which a load case is converged.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Iteration limit per load case; reaching it throws <see cref="Solvers.ConvergenceException"/>.</summary>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>Threads for assembly and matrix-vector products; -1 for one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Receives one line per stage (assembly, preconditioner, each load case).</summary>
    public IProgress<string>? Progress { get; init; }
}
