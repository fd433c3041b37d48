namespace TwinPlatform.Simulation;

/// <summary>
/// The analysis model is ill-posed: missing or insufficient supports, an unknown set name, an inverted
/// element. The message says what is wrong and how to fix it.
/// </summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ModelException()
    {
    }
}
