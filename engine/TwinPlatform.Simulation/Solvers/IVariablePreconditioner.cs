namespace TwinPlatform.Simulation.Solvers;

/// <summary>
/// A preconditioner whose M^-1 may vary slightly between applications (it contains an inner iterative solve
/// stopped at a tolerance).
/// </summary>
/// <remarks>
/// <see cref="ConjugateGradientSolver"/> switches to the flexible (Polak-Ribière) update for such a
/// preconditioner, which keeps the search directions A-conjugate to first order when M^-1 changes.
/// </remarks>
public interface IVariablePreconditioner : IPreconditioner
{
}
