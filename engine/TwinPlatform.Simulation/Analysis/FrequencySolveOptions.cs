namespace TwinPlatform.Simulation.Analysis;

/// <summary>Options of <see cref="FrequencyModel.Solve"/>.</summary>
public sealed record FrequencySolveOptions
{
    /// <summary>Preconditioner of the inner solves with the stiffness matrix; incomplete Cholesky by default.</summary>
    public PreconditionerKind Preconditioner { get; init; } = PreconditionerKind.IncompleteCholesky;

    /// <summary>
    /// An eigenpair is converged when ||K phi - lambda M phi|| &lt;= Tolerance ||K phi|| (2-norms over the free
    /// degrees of freedom).
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>
    /// Relative residual of each inner solve (K - sigma M) t = r. The inner solves only steer the search space (the
    /// eigenpairs and their residuals come from Rayleigh-Ritz with the true K and M), so a loose tolerance costs a
    /// few more outer iterations at most and saves most of the conjugate-gradient work.
    /// </summary>
    public double LinearTolerance { get; init; } = 1e-2;

    /// <summary>Iteration limit of each inner solve.</summary>
    public int MaxLinearIterations { get; init; } = 20_000;

    /// <summary>Vectors per Krylov block (the largest eigenvalue multiplicity found reliably); 0 picks min(mode count, 4) + 0..2.</summary>
    public int BlockSize { get; init; }

    /// <summary>Largest basis before a restart; 0 picks max(3 mode count, mode count + 24).</summary>
    public int MaxBasisSize { get; init; }

    /// <summary>Restart limit; the solve fails with <see cref="Solvers.ConvergenceException"/> past it.</summary>
    public int MaxRestarts { get; init; } = 20;

    /// <summary>Seed of the random start block (results are reproducible for a given seed and thread count).</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Integration of the element mass matrices; exact consistent mass by default.</summary>
    public MassIntegration MassIntegration { get; init; } = MassIntegration.Exact;

    /// <summary>Threads for assembly and products; -1 for one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Receives one line per stage.</summary>
    public IProgress<string>? Progress { get; init; }
}
