using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Size and cost figures of one <see cref="StaticModel.Solve"/>.</summary>
public sealed record SolverStatistics
{
    /// <summary>Mesh nodes.</summary>
    public required int NodeCount { get; init; }

    /// <summary>Volume elements.</summary>
    public required int ElementCount { get; init; }

    /// <summary>Element types present.</summary>
    public required IReadOnlyList<ElementType> ElementTypes { get; init; }

    /// <summary>Free equations (unknowns of the linear system).</summary>
    public required int DofCount { get; init; }

    /// <summary>Constrained (eliminated) degrees of freedom.</summary>
    public required int ConstrainedDofCount { get; init; }

    /// <summary>Stored entries of the free-free stiffness matrix (both triangles).</summary>
    public required long NonZeroCount { get; init; }

    /// <summary>Bytes of the stiffness storage (free matrix and constrained rows).</summary>
    public required long MatrixBytes { get; init; }

    /// <summary>Bytes of the preconditioner.</summary>
    public required long PreconditionerBytes { get; init; }

    /// <summary>Element colours of the parallel assembly.</summary>
    public required int ColorCount { get; init; }

    /// <summary>Threads used.</summary>
    public required int Threads { get; init; }

    /// <summary>Preconditioner used.</summary>
    public required PreconditionerKind Preconditioner { get; init; }

    /// <summary>Diagonal shift incomplete Cholesky needed (0 if none or not used).</summary>
    public required double PreconditionerShift { get; init; }

    /// <summary>Pattern construction (adjacency, colouring, sparsity).</summary>
    public required TimeSpan SetupTime { get; init; }

    /// <summary>Numeric assembly of the stiffness matrix.</summary>
    public required TimeSpan AssemblyTime { get; init; }

    /// <summary>Building the preconditioner.</summary>
    public required TimeSpan PreconditionerTime { get; init; }

    /// <summary>All load-case solves together.</summary>
    public required TimeSpan SolveTime { get; init; }

    /// <summary>Iterations over all load cases.</summary>
    public required int TotalIterations { get; init; }
}
