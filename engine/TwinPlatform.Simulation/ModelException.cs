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

    /// <summary>Creates the exception for a problem with one element.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="element">Global (0-based) number of the element.</param>
    public ModelException(string message, int element)
        : base(message)
    {
        Element = element;
    }

    /// <summary>Creates the exception with no message.</summary>
    public ModelException()
    {
    }

    /// <summary>The global (0-based) element number the problem is about, or -1 if it is not about one element.</summary>
    public int Element { get; } = -1;
}
