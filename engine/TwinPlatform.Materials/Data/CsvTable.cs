using System.Globalization;
using TwinPlatform.Core;

namespace TwinPlatform.Materials.Data;

/// <summary>
/// A comma-separated table with a header line, kept as text with the line and column of every cell
/// so that a bad value is reported as <c>file:line:column: header: reason</c>.
/// </summary>
/// <remarks>Quoted cells are refused: the material tables this reads never need them.</remarks>
public sealed class CsvTable
{
    private readonly string[][] _cells;
    private readonly int[][] _columns;
    private readonly int[] _lines;

    private CsvTable(string file, string[] header, string[][] cells, int[][] columns, int[] lines)
    {
        File = file;
        Header = header;
        _cells = cells;
        _columns = columns;
        _lines = lines;
    }

    /// <summary>The file, as the caller named it.</summary>
    public string File { get; }

    /// <summary>Column names from the first line.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Number of data rows (blank lines are skipped).</summary>
    public int RowCount => _cells.Length;

    /// <summary>Reads a table from a file.</summary>
    /// <exception cref="InputFileException">No such file, no header, or a row with the wrong number of cells.</exception>
    public static CsvTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw new InputFileException(path, 0, 0, string.Empty, "no such file");
        }

        return Parse(System.IO.File.ReadAllText(path), path);
    }

    /// <summary>Reads a table from text; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="InputFileException">No header, or a row with the wrong number of cells.</exception>
    public static CsvTable Parse(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        string[]? header = null;
        var cells = new List<string[]>();
        var columns = new List<int[]>();
        var lineNumbers = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || (i == 0 && line.Trim() == "\uFEFF"))
            {
                continue;
            }

            if (line.Contains('"', StringComparison.Ordinal))
            {
                throw new InputFileException(displayName, i + 1, line.IndexOf('"', StringComparison.Ordinal) + 1, string.Empty, "quoted values are not supported");
            }

            var (values, starts) = Split(line.TrimStart('\uFEFF'));
            if (header is null)
            {
                header = values;
                continue;
            }

            if (values.Length != header.Length)
            {
                throw new InputFileException(displayName, i + 1, 0, string.Empty,
                    $"expected {header.Length} comma-separated values as in the header, found {values.Length}");
            }

            cells.Add(values);
            columns.Add(starts);
            lineNumbers.Add(i + 1);
        }

        return header is null
            ? throw new InputFileException(displayName, 1, 0, string.Empty, "the table is empty; expected a header line")
            : new CsvTable(displayName, header, [.. cells], [.. columns], [.. lineNumbers]);
    }

    /// <summary>Index of a header column.</summary>
    /// <exception cref="InputFileException">No such column; the message lists the header.</exception>
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == name)
            {
                return i;
            }
        }

        throw new InputFileException(File, 1, 0, name, $"missing column (header has: {string.Join(", ", Header)})");
    }

    /// <summary>1-based line of a data row in the file.</summary>
    public int Line(int row) => _lines[row];

    /// <summary>The raw text of a cell.</summary>
    public string Cell(int row, int column) => _cells[row][column];

    /// <summary>A cell as a finite number.</summary>
    /// <exception cref="InputFileException">Empty or not a number; names file, line, column and header.</exception>
    public double Number(int row, int column)
    {
        var text = _cells[row][column].Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        throw Error(row, column, text.Length == 0 ? "a number is required here" : $"expected a number, found '{text}'");
    }

    /// <summary>An error at a cell.</summary>
    public InputFileException Error(int row, int column, string reason) =>
        new(File, _lines[row], _columns[row][column], Header[column], reason);

    private static (string[] Values, int[] Starts) Split(string line)
    {
        var values = line.Split(',');
        var starts = new int[values.Length];
        var position = 1;
        for (var i = 0; i < values.Length; i++)
        {
            starts[i] = position;
            position += values[i].Length + 1;
        }

        return (values, starts);
    }
}
