namespace TwinPlatform.Simulation.Analysis;

/// <summary>Preconditioner of the conjugate-gradient solve.</summary>
public enum PreconditionerKind
{
    /// <summary>Diagonal scaling: cheap to build, many iterations.</summary>
    Jacobi,

    /// <summary>Zero-fill incomplete Cholesky with a diagonal-shift fallback: fewer iterations, sequential sweeps.</summary>
    IncompleteCholesky,
}
