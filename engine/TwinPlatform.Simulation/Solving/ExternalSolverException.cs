namespace TwinPlatform.Simulation.Solving;

/// <summary>An external solver program is missing, failed, or wrote output that cannot be read. The message says which and why.</summary>
public sealed class ExternalSolverException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ExternalSolverException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ExternalSolverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ExternalSolverException()
    {
    }
}
