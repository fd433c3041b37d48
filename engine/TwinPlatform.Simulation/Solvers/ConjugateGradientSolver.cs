using System.Buffers;
using System.Diagnostics;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>
/// Preconditioned conjugate gradients for symmetric positive definite matrices, with a parallel
/// row-partitioned matrix-vector product.
/// </summary>
/// <remarks>
/// When the recurrence residual meets the stop criterion, the true residual b - A x is recomputed; if it
/// does not meet the criterion (rounding drift), the iteration restarts from the current x. A
/// non-positive curvature p·Ap or r·M^-1 r means the matrix (or preconditioner) is not positive definite
/// and is reported as a <see cref="ConvergenceException"/> rather than returning garbage. For an
/// <see cref="IVariablePreconditioner"/> the update uses the flexible (Polak-Ribière) coefficient
/// beta = z_k+1·(r_k+1 - r_k) / z_k·r_k, which equals the classical one for a fixed preconditioner.
/// </remarks>
public sealed class ConjugateGradientSolver : ILinearSolver
{
    private const int MaxRestarts = 8;

    private readonly int _maxDegreeOfParallelism;

    /// <summary>Creates the solver.</summary>
    /// <param name="maxDegreeOfParallelism">Threads for the matrix-vector product; -1 for one per processor.</param>
    public ConjugateGradientSolver(int maxDegreeOfParallelism = -1)
    {
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <inheritdoc/>
    public LinearSolveResult Solve(CsrMatrix matrix, double[] rightHandSide, double[] solution, IPreconditioner preconditioner, IIterationStopCriterion stopCriterion)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(rightHandSide);
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(preconditioner);
        ArgumentNullException.ThrowIfNull(stopCriterion);
        var n = matrix.RowCount;
        if (matrix.ColumnCount != n || rightHandSide.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"a {matrix.RowCount} x {matrix.ColumnCount} matrix needs square shape and vectors of that length (b: {rightHandSide.Length}, x: {solution.Length})");
        }

        var clock = Stopwatch.StartNew();
        var bNorm = VectorOps.Norm(rightHandSide);
        if (bNorm == 0)
        {
            Array.Clear(solution);
            return new LinearSolveResult(0, 0, clock.Elapsed);
        }

        var pool = ArrayPool<double>.Shared;
        double[] r = pool.Rent(n), z = pool.Rent(n), p = pool.Rent(n), q = pool.Rent(n);
        try
        {
            var iterations = 0;
            var previous = double.PositiveInfinity;
            for (var cycle = 0; ; cycle++)
            {
                // True residual r = b - A x.
                SparseAlgebra.Multiply(matrix, solution, r, _maxDegreeOfParallelism);
                for (var i = 0; i < n; i++)
                {
                    r[i] = rightHandSide[i] - r[i];
                }

                var rNorm = VectorOps.Norm(r.AsSpan(0, n));
                var status = stopCriterion.DetermineStatus(iterations, rNorm, bNorm);
                if (status == IterationStatus.Converged)
                {
                    return new LinearSolveResult(iterations, rNorm / bNorm, clock.Elapsed);
                }

                if (status != IterationStatus.Continue && iterations > 0)
                {
                    throw NotConverged(status, iterations, rNorm / bNorm);
                }

                // The recurrence said converged but the true residual disagrees: restart from x, unless
                // restarts stopped helping (the tolerance is below the attainable accuracy).
                if (cycle >= MaxRestarts || (cycle > 0 && rNorm > 0.5 * previous))
                {
                    throw new ConvergenceException(
                        $"conjugate gradients stagnated after {iterations} iterations: the true relative residual stays at {rNorm / bNorm:G3} " +
                        "although the recurrence converged; the tolerance is below the accuracy rounding allows for this matrix",
                        iterations,
                        rNorm / bNorm);
                }

                previous = rNorm;

                iterations = Iterate(matrix, solution, r, z, p, q, preconditioner, stopCriterion, iterations, bNorm);
            }
        }
        finally
        {
            pool.Return(r);
            pool.Return(z);
            pool.Return(p);
            pool.Return(q);
        }
    }

    /// <summary>CG iterations from residual r until the recurrence residual meets the criterion; returns the total iteration count.</summary>
    private int Iterate(CsrMatrix a, double[] x, double[] r, double[] z, double[] p, double[] q, IPreconditioner m, IIterationStopCriterion stop, int iterations, double bNorm)
    {
        var n = a.RowCount;
        var xs = x.AsSpan(0, n);
        var rs = r.AsSpan(0, n);
        var zs = z.AsSpan(0, n);
        var ps = p.AsSpan(0, n);
        var qs = q.AsSpan(0, n);
        var flexible = m is IVariablePreconditioner;
        m.Apply(rs, zs);
        zs.CopyTo(ps);
        var rz = VectorOps.Dot(rs, zs);
        while (true)
        {
            if (!(rz > 0))
            {
                throw new ConvergenceException(
                    $"conjugate gradients broke down at iteration {iterations}: r·M^-1·r = {rz:G3} is not positive, so the preconditioner is not positive definite",
                    iterations,
                    VectorOps.Norm(rs) / bNorm);
            }

            SparseAlgebra.Multiply(a, p, q, _maxDegreeOfParallelism);
            var pq = VectorOps.Dot(ps, qs);
            iterations++;
            if (!(pq > 0))
            {
                throw new ConvergenceException(
                    $"conjugate gradients broke down at iteration {iterations}: p·A·p = {pq:G3} is not positive, so the matrix is not positive definite " +
                    "(an under-constrained model with a free rigid-body motion, a part without supports, or an inverted element); " +
                    $"relative residual reached {VectorOps.Norm(rs) / bNorm:G3}",
                    iterations,
                    VectorOps.Norm(rs) / bNorm);
            }

            var alpha = rz / pq;
            VectorOps.AddScaled(xs, alpha, ps);
            VectorOps.AddScaled(rs, -alpha, qs);
            var rNorm = VectorOps.Norm(rs);
            var status = stop.DetermineStatus(iterations, rNorm, bNorm);
            if (status != IterationStatus.Continue)
            {
                // Converged by the recurrence, or failed: the caller checks the true residual.
                return iterations;
            }

            m.Apply(rs, zs);
            var rzNext = VectorOps.Dot(rs, zs);

            // r_k+1 - r_k = -alpha q, so the flexible numerator needs no stored previous residual.
            var beta = flexible ? -alpha * VectorOps.Dot(zs, qs) / rz : rzNext / rz;
            rz = rzNext;
            VectorOps.ScaleAndAdd(ps, beta, zs);
        }
    }

    private static ConvergenceException NotConverged(IterationStatus status, int iterations, double relativeResidual) =>
        status == IterationStatus.Diverged
            ? new ConvergenceException($"conjugate gradients diverged after {iterations} iterations (residual not finite)", iterations, relativeResidual)
            : new ConvergenceException(
                $"conjugate gradients did not converge within {iterations} iterations: relative residual reached {relativeResidual:G3}. " +
                "Raise the iteration limit, use a stronger preconditioner, or check the supports (an ill-posed model converges slowly or not at all)",
                iterations,
                relativeResidual);
}
