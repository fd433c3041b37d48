namespace TwinPlatform.Simulation.Solvers;

/// <summary>An iterative solve did not converge, or broke down; the message states the residual reached.</summary>
public sealed class ConvergenceException : Exception
{
    /// <summary>Creates the exception with solver figures.</summary>
    public ConvergenceException(string message, int iterations, double relativeResidual)
        : base(message)
    {
        Iterations = iterations;
        RelativeResidual = relativeResidual;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConvergenceException(string message)
        : base(message)
    {
        RelativeResidual = double.NaN;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
        RelativeResidual = double.NaN;
    }

    /// <summary>Creates the exception with no message.</summary>
    public ConvergenceException()
    {
        RelativeResidual = double.NaN;
    }

    /// <summary>Iterations done when the solver stopped.</summary>
    public int Iterations { get; }

    /// <summary>Relative residual ||b - A x|| / ||b|| when the solver stopped.</summary>
    public double RelativeResidual { get; }
}
