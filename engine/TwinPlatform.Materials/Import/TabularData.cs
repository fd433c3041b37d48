using TwinPlatform.Core;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// A table read from a data file (CSV, or JSON in column or record orientation) with the line and
/// column of every cell, so that a bad value is reported as <c>file:line:column: header: reason</c>.
/// </summary>
/// <remarks>Cells are text as written (JSON numbers keep their literal text); a missing cell is null. Immutable.</remarks>
public sealed class TabularData
{
    private readonly string?[][] _cells;
    private readonly (int Line, int Column)[][] _positions;
    private readonly int[] _rowLines;
    private readonly string?[] _rowProblems;
    private readonly Dictionary<string, int> _columnIndex;

    internal TabularData(string file, IReadOnlyList<string> columns, string?[][] cells, (int Line, int Column)[][] positions, int[] rowLines, string?[]? rowProblems = null)
    {
        _rowProblems = rowProblems ?? new string?[cells.Length];
        File = file;
        Columns = [.. columns];
        _cells = cells;
        _positions = positions;
        _rowLines = rowLines;
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i], i);
        }
    }

    /// <summary>The file, as the user named it.</summary>
    public string File { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => _cells.Length;

    /// <summary>Reads a file by its format: <c>csv</c>, <c>json-columns</c> (<c>{"col": {"0": v, ...}}</c>) or <c>json-records</c> (<c>[{...}, ...]</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format name (see <see cref="TabularFormat"/>).</param>
    /// <param name="displayName">How the file is named in messages (defaults to <paramref name="path"/>).</param>
    /// <exception cref="InputFileException">Missing file or malformed content; names the line.</exception>
    public static TabularData Read(string path, TabularFormat format, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = displayName ?? path;
        if (!System.IO.File.Exists(path))
        {
            throw new InputFileException(name, 0, 0, string.Empty, "no such file");
        }

        var text = System.IO.File.ReadAllText(path);
        return format switch
        {
            TabularFormat.Csv => CsvParser.Parse(text, name),
            TabularFormat.JsonColumns or TabularFormat.JsonRecords => JsonTableParser.Parse(text, name, format),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
        };
    }

    /// <summary>The index of a column, or -1.</summary>
    public int IndexOf(string column) => _columnIndex.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The text of a cell, or null when the cell is missing; surrounding whitespace removed; empty text is returned as null.</summary>
    public string? Cell(int row, int column)
    {
        var c = _cells[row][column];
        if (c is null)
        {
            return null;
        }

        var t = c.Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>The 1-based line and column where a cell starts (the row's line and column 0 if the cell is absent).</summary>
    public (int Line, int Column) Position(int row, int column) => _positions[row][column];

    /// <summary>The 1-based line where a row starts.</summary>
    public int RowLine(int row) => _rowLines[row];

    /// <summary>What is wrong with the shape of a row (a CSV line with too few or too many cells), or null.</summary>
    public string? RowProblem(int row) => _rowProblems[row];

    /// <summary>An error at a cell: file, line, column, column header, reason.</summary>
    public InputFileException Error(int row, int column, string reason)
    {
        var (line, col) = Position(row, column);
        return new InputFileException(File, line, col, Columns[column], reason);
    }
}
