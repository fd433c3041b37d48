using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>Solves A x = b for a sparse matrix A.</summary>
public interface ILinearSolver
{
    /// <summary>
    /// Solves <paramref name="matrix"/> x = <paramref name="rightHandSide"/>, starting from the values in
    /// <paramref name="solution"/> and leaving the answer there.
    /// </summary>
    /// <param name="matrix">A, square.</param>
    /// <param name="rightHandSide">b.</param>
    /// <param name="solution">Initial guess on entry, solution on return.</param>
    /// <param name="preconditioner">A preconditioner already initialised for <paramref name="matrix"/>.</param>
    /// <param name="stopCriterion">When to stop.</param>
    /// <returns>Iterations and the final relative residual ||b - A x|| / ||b||.</returns>
    /// <exception cref="ConvergenceException">The stop criterion reported the iteration limit or divergence, or the matrix proved not positive definite.</exception>
    LinearSolveResult Solve(CsrMatrix matrix, double[] rightHandSide, double[] solution, IPreconditioner preconditioner, IIterationStopCriterion stopCriterion);
}
