namespace TwinPlatform.Simulation.Solvers;

/// <summary>Outcome of a converged linear solve.</summary>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="RelativeResidual">True final relative residual ||b - A x|| / ||b||, recomputed from x.</param>
/// <param name="Elapsed">Wall-clock time of the solve.</param>
public readonly record struct LinearSolveResult(int Iterations, double RelativeResidual, TimeSpan Elapsed);
