namespace TwinPlatform.Core.Units;

/// <summary>A unit expression or quantity text could not be understood, or had the wrong dimension.</summary>
public sealed class UnitException : FormatException
{
    /// <summary>Creates the exception with its message.</summary>
    public UnitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public UnitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public UnitException()
    {
    }
}
