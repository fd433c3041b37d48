namespace TwinPlatform.Core.Yaml;

/// <summary>The text is not YAML this reader accepts; the position says where.</summary>
public sealed class YamlException : FormatException
{
    /// <summary>Creates the exception at a 1-based line and column.</summary>
    public YamlException(int line, int column, string reason)
        : base($"line {line}, column {column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public YamlException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public YamlException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with no message.</summary>
    public YamlException()
    {
        Reason = string.Empty;
    }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
