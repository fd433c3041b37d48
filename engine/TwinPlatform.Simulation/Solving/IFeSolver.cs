namespace TwinPlatform.Simulation.Solving;

/// <summary>
/// A finite-element solver that takes a parsed deck and returns results in the common
/// <see cref="FeSolution"/> form, so that solvers can be compared case by case: the built-in engine
/// (<see cref="BuiltInSolver"/>) and external codes behind plugins (CalculiX).
/// </summary>
/// <remarks>Implementations are stateless between calls and may be called from any thread, one solve at a time per instance.</remarks>
public interface IFeSolver
{
    /// <summary>Short name used on the command line and in reports ("builtin", "ccx").</summary>
    string Name { get; }

    /// <summary>Solves every step of <paramref name="problem"/>.</summary>
    /// <exception cref="ModelException">The model is ill-posed (for example under-constrained; the message names the free motions).</exception>
    /// <exception cref="Solvers.ConvergenceException">An iterative solve did not converge; the message gives the residual reached.</exception>
    /// <exception cref="ExternalSolverException">An external program is missing or failed.</exception>
    FeSolution Solve(FeProblem problem, FeSolveOptions options, CancellationToken cancellationToken = default);
}
