namespace TwinPlatform.Materials.Import;

/// <summary>A bad cell found while mapping one row; the importer turns it into an <see cref="ImportIssue"/>.</summary>
internal sealed class RowException : Exception
{
    public RowException(int column, string field, string reason)
        : base(reason)
    {
        Column = column;
        Field = field;
    }

    public RowException()
    {
        Field = string.Empty;
    }

    public RowException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public RowException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Data column index of the bad cell, or -1 for a value not read from a cell.</summary>
    public int Column { get; } = -1;

    /// <summary>The record field being filled.</summary>
    public string Field { get; }
}
