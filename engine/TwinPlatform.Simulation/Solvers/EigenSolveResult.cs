namespace TwinPlatform.Simulation.Solvers;

/// <summary>Converged eigenpairs of K x = lambda M x, ascending.</summary>
/// <param name="Values">Eigenvalues.</param>
/// <param name="Vectors">M-orthonormal eigenvectors.</param>
/// <param name="Residuals">||K x - lambda M x|| / ||(K - sigma M) x|| per pair.</param>
/// <param name="BasisSize">Largest subspace used.</param>
/// <param name="Restarts">Restarts done.</param>
/// <param name="LinearSolves">Inner solves.</param>
/// <param name="LinearIterations">Inner conjugate-gradient iterations.</param>
/// <param name="LinearSolveTime">Time in the inner solves.</param>
internal sealed record EigenSolveResult(double[] Values, double[][] Vectors, double[] Residuals, int BasisSize, int Restarts, int LinearSolves, long LinearIterations, TimeSpan LinearSolveTime);
