namespace TwinPlatform.Simulation.Analysis;

/// <summary>Size and cost figures of one <see cref="FrequencyModel.Solve"/>.</summary>
public sealed record FrequencyStatistics
{
    /// <summary>Free degrees of freedom.</summary>
    public required int DofCount { get; init; }

    /// <summary>Stored entries of the free stiffness (and mass) matrix.</summary>
    public required long NonZeroCount { get; init; }

    /// <summary>Shift sigma of the operator (K - sigma M)^-1 M, rad^2/s^2 (0 unless the model has no supports).</summary>
    public required double ShiftRad2PerS2 { get; init; }

    /// <summary>Krylov block size.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Largest basis used.</summary>
    public required int BasisSize { get; init; }

    /// <summary>Restarts needed.</summary>
    public required int Restarts { get; init; }

    /// <summary>Inner linear solves (one per basis vector).</summary>
    public required int LinearSolves { get; init; }

    /// <summary>Conjugate-gradient iterations over all inner solves.</summary>
    public required long LinearIterations { get; init; }

    /// <summary>Time in the inner solves (part of <see cref="EigenTime"/>).</summary>
    public required TimeSpan LinearSolveTime { get; init; }

    /// <summary>Pattern and assembly of K and M.</summary>
    public required TimeSpan AssemblyTime { get; init; }

    /// <summary>Building the preconditioner.</summary>
    public required TimeSpan PreconditionerTime { get; init; }

    /// <summary>The eigensolver (solves, orthogonalisation, Rayleigh-Ritz).</summary>
    public required TimeSpan EigenTime { get; init; }
}
