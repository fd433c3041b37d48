namespace TwinPlatform.Simulation.Solvers;

/// <summary>Decides when an iterative solver stops.</summary>
public interface IIterationStopCriterion
{
    /// <summary>Status after <paramref name="iteration"/> iterations (1-based) with the given residual and right-hand-side norms.</summary>
    IterationStatus DetermineStatus(int iteration, double residualNorm, double rightHandSideNorm);
}
