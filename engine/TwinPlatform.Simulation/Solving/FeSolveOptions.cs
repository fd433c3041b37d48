namespace TwinPlatform.Simulation.Solving;

/// <summary>Options every <see cref="IFeSolver"/> understands.</summary>
public sealed record FeSolveOptions
{
    /// <summary>Threads the solver may use; -1 for one per processor.</summary>
    public int Threads { get; init; } = -1;

    /// <summary>Receives progress lines during long solves (stage, iterations, timing).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Folder for an external solver's files; null for a temporary folder removed afterwards.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Relative residual at which iterative linear solves stop (built-in solver); null for each analysis's default.</summary>
    public double? RelativeTolerance { get; init; }

    /// <summary>
    /// Integration of the element mass matrices of frequency steps (built-in solver): the exact consistent mass by
    /// default, or the stiffness rule as CalculiX integrates it, for like-for-like comparisons.
    /// </summary>
    public Analysis.MassIntegration MassIntegration { get; init; } = Analysis.MassIntegration.Exact;
}
