using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>The one place that turns a <see cref="PreconditionerKind"/> into an <see cref="IPreconditioner"/> (for all analyses).</summary>
internal static class PreconditionerFactory
{
    public static IPreconditioner Create(PreconditionerKind kind) => kind switch
    {
        PreconditionerKind.Jacobi => new JacobiPreconditioner(),
        PreconditionerKind.IncompleteCholesky or PreconditionerKind.Multigrid => new IncompleteCholeskyPreconditioner(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown preconditioner"),
    };

    /// <summary>
    /// The preconditioner for a mesh's free equations: <see cref="PreconditionerKind.Multigrid"/> becomes a
    /// <see cref="TwoLevelPreconditioner"/> on the linear-element coarse space when the mesh has one, and the
    /// kind actually used is returned.
    /// </summary>
    public static IPreconditioner Create(PreconditionerKind kind, Mesh mesh, DofMap dofs, int maxDegreeOfParallelism, out PreconditionerKind used)
    {
        if (kind == PreconditionerKind.Multigrid && LinearCoarseSpace.TryCreate(mesh, dofs) is { } prolongation)
        {
            used = kind;
            return new TwoLevelPreconditioner(prolongation, maxDegreeOfParallelism);
        }

        used = kind == PreconditionerKind.Multigrid ? PreconditionerKind.IncompleteCholesky : kind;
        return Create(used);
    }

    /// <summary>Bytes the preconditioner holds (for statistics).</summary>
    public static long SizeInBytes(IPreconditioner preconditioner, int rows) => preconditioner switch
    {
        IncompleteCholeskyPreconditioner ic => ic.SizeInBytes,
        TwoLevelPreconditioner mg => mg.SizeInBytes,
        _ => 8L * rows,
    };

    /// <summary>Size details for progress lines (the coarse system of a multigrid preconditioner), or empty.</summary>
    public static string Describe(IPreconditioner preconditioner) =>
        preconditioner is TwoLevelPreconditioner mg
            ? $" (coarse: {mg.CoarseSize} unknowns, {mg.CoarseNonZeroCount} stored entries; smoother bound {mg.LargestEigenvalue:G3})"
            : string.Empty;

    /// <summary>The diagonal shift incomplete Cholesky needed, or 0.</summary>
    public static double Shift(IPreconditioner preconditioner) =>
        (preconditioner as IncompleteCholeskyPreconditioner)?.Shift ?? 0;
}
