namespace TwinPlatform.Simulation.Analysis;

/// <summary>Preconditioner of the conjugate-gradient solve.</summary>
public enum PreconditionerKind
{
    /// <summary>Diagonal scaling: cheap to build, many iterations.</summary>
    Jacobi,

    /// <summary>Zero-fill incomplete Cholesky with a diagonal-shift fallback: fewer iterations, sequential sweeps.</summary>
    IncompleteCholesky,

    /// <summary>
    /// Two-level p-multigrid for quadratic elements (Chebyshev-Jacobi smoothing, linear-element coarse space
    /// solved by IC(0)-preconditioned CG): iteration counts nearly independent of the mesh size, parallel fine
    /// level. Falls back to <see cref="IncompleteCholesky"/> for linear meshes and for analyses without a
    /// coarse space.
    /// </summary>
    Multigrid,
}
