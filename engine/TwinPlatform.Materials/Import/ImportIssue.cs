namespace TwinPlatform.Materials.Import;

/// <summary>A row that could not be imported: where and why. The rest of the file still imports.</summary>
/// <param name="File">The data file, as the user named it.</param>
/// <param name="Line">1-based line of the bad cell (or of the row).</param>
/// <param name="Column">1-based column (character position) of the bad cell, 0 if unknown.</param>
/// <param name="Field">The column header of the bad cell, or the record field.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record ImportIssue(string File, int Line, int Column, string Field, string Reason)
{
    /// <summary><c>file:line:column: field: reason</c>.</summary>
    public override string ToString() =>
        Column > 0 ? $"{File}:{Line}:{Column}: {Field}: {Reason}" : $"{File}:{Line}: {Field}: {Reason}";
}
