namespace TwinPlatform.Simulation.Solvers;

/// <summary>Stops when ||b - A x|| &lt;= tolerance ||b||, or fails at the iteration limit.</summary>
public sealed class ResidualStopCriterion : IIterationStopCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="relativeTolerance">Relative residual to reach, in (0, 1).</param>
    /// <param name="maxIterations">Iteration limit (&gt; 0).</param>
    public ResidualStopCriterion(double relativeTolerance = 1e-8, int maxIterations = 10_000)
    {
        if (!(relativeTolerance > 0 && relativeTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "must lie in (0, 1)");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        RelativeTolerance = relativeTolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>Relative residual to reach.</summary>
    public double RelativeTolerance { get; }

    /// <summary>Iteration limit.</summary>
    public int MaxIterations { get; }

    /// <inheritdoc/>
    public IterationStatus DetermineStatus(int iteration, double residualNorm, double rightHandSideNorm)
    {
        if (!double.IsFinite(residualNorm))
        {
            return IterationStatus.Diverged;
        }

        if (residualNorm <= RelativeTolerance * rightHandSideNorm)
        {
            return IterationStatus.Converged;
        }

        return iteration >= MaxIterations ? IterationStatus.IterationLimit : IterationStatus.Continue;
    }
}
