namespace TwinPlatform.Core;

/// <summary>
/// An input file (scene, mapping, deck, data table) is wrong at a known place. The message reads
/// <c>file:line:column: field: reason</c>, the form editors and CI logs link to.
/// </summary>
public sealed class InputFileException : Exception
{
    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="file">Path of the file as the user gave it.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="column">1-based column, or 0 when unknown.</param>
    /// <param name="field">Dotted path of the field (<c>components[0].mesh.size</c>), or a column name; may be empty.</param>
    /// <param name="reason">What is wrong and, where it helps, what was expected.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public InputFileException(string file, int line, int column, string field, string reason, Exception? inner = null)
        : base(Format(file, line, column, field, reason), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InputFileException(string message)
        : base(message)
    {
        File = Field = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Field = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with no message.</summary>
    public InputFileException()
    {
        File = Field = Reason = string.Empty;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>1-based line, 0 if unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, 0 if unknown.</summary>
    public int Column { get; }

    /// <summary>The field path or column name.</summary>
    public string Field { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, int column, string field, string reason)
    {
        var where = line > 0 ? (column > 0 ? $"{file}:{line}:{column}" : $"{file}:{line}") : file;
        return string.IsNullOrEmpty(field) ? $"{where}: {reason}" : $"{where}: {field}: {reason}";
    }
}
