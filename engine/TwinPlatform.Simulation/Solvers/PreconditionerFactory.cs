using TwinPlatform.Simulation.Analysis;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>The one place that turns a <see cref="PreconditionerKind"/> into an <see cref="IPreconditioner"/> (for all analyses).</summary>
internal static class PreconditionerFactory
{
    public static IPreconditioner Create(PreconditionerKind kind) => kind switch
    {
        PreconditionerKind.Jacobi => new JacobiPreconditioner(),
        PreconditionerKind.IncompleteCholesky => new IncompleteCholeskyPreconditioner(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown preconditioner"),
    };

    /// <summary>Bytes the preconditioner holds (for statistics).</summary>
    public static long SizeInBytes(IPreconditioner preconditioner, int rows) =>
        preconditioner is IncompleteCholeskyPreconditioner ic ? ic.SizeInBytes : 8L * rows;

    /// <summary>The diagonal shift incomplete Cholesky needed, or 0.</summary>
    public static double Shift(IPreconditioner preconditioner) =>
        (preconditioner as IncompleteCholeskyPreconditioner)?.Shift ?? 0;
}
