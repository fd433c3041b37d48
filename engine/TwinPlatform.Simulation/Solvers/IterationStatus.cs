namespace TwinPlatform.Simulation.Solvers;

/// <summary>What a stop criterion decides after an iteration.</summary>
public enum IterationStatus
{
    /// <summary>Keep iterating.</summary>
    Continue,

    /// <summary>The residual is small enough.</summary>
    Converged,

    /// <summary>The iteration limit is reached without convergence.</summary>
    IterationLimit,

    /// <summary>The residual is not finite.</summary>
    Diverged,
}
