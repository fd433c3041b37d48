using System.Text;
using System.Text.Json;
using TwinPlatform.Core;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// Reads JSON tables with a <see cref="Utf8JsonReader"/>, keeping the line and column of every value:
/// column-oriented (<c>{"col": {"0": v}}</c>, pandas <c>orient="columns"</c>) or record-oriented (<c>[{...}]</c>).
/// </summary>
internal static class JsonTableParser
{
    public static TabularData Parse(string text, string file, TabularFormat format)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            return format == TabularFormat.JsonColumns ? ReadColumns(ref reader, file, lineStarts) : ReadRecords(ref reader, file, lineStarts);
        }
        catch (JsonException e)
        {
            throw new InputFileException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, string.Empty, e.Message, e);
        }
    }

    private static TabularData ReadColumns(ref Utf8JsonReader reader, string file, List<int> lineStarts)
    {
        Expect(ref reader, JsonTokenType.StartObject, file, lineStarts, "a column-oriented JSON table is an object of columns");
        var columns = new List<string>();
        var rowIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowKeys = new List<string>();
        var values = new List<Dictionary<int, (string? Text, int Line, int Column)>>();
        var rowPositions = new List<(int Line, int Column)>();
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            columns.Add(reader.GetString()!);
            var column = columns.Count - 1;
            Expect(ref reader, JsonTokenType.StartObject, file, lineStarts, $"column '{columns[^1]}' must be an object of row index to value");
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var keyPos = Position(lineStarts, reader.TokenStartIndex);
                Next(ref reader);
                var (text, line, col) = Scalar(ref reader, file, lineStarts);
                if (!rowIndex.TryGetValue(key, out var row))
                {
                    row = rowKeys.Count;
                    rowIndex[key] = row;
                    rowKeys.Add(key);
                    values.Add([]);
                    rowPositions.Add(keyPos);
                }

                values[row][column] = (text, line, col);
            }
        }

        return Build(file, columns, values, rowPositions);
    }

    private static TabularData ReadRecords(ref Utf8JsonReader reader, string file, List<int> lineStarts)
    {
        Expect(ref reader, JsonTokenType.StartArray, file, lineStarts, "a record-oriented JSON table is an array of objects");
        var columns = new List<string>();
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<Dictionary<int, (string? Text, int Line, int Column)>>();
        var rowPositions = new List<(int Line, int Column)>();
        while (Next(ref reader) && reader.TokenType == JsonTokenType.StartObject)
        {
            var row = new Dictionary<int, (string?, int, int)>();
            rowPositions.Add(Position(lineStarts, reader.TokenStartIndex));
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!columnIndex.TryGetValue(name, out var column))
                {
                    column = columns.Count;
                    columnIndex[name] = column;
                    columns.Add(name);
                }

                Next(ref reader);
                row[column] = Scalar(ref reader, file, lineStarts);
            }

            values.Add(row);
        }

        return Build(file, columns, values, rowPositions);
    }

    private static TabularData Build(string file, List<string> columns, List<Dictionary<int, (string? Text, int Line, int Column)>> values, List<(int Line, int Column)> rowPositions)
    {
        var cells = new string?[values.Count][];
        var positions = new (int, int)[values.Count][];
        var lines = new int[values.Count];
        for (var r = 0; r < values.Count; r++)
        {
            cells[r] = new string?[columns.Count];
            positions[r] = new (int, int)[columns.Count];
            lines[r] = rowPositions[r].Line;
            for (var c = 0; c < columns.Count; c++)
            {
                if (values[r].TryGetValue(c, out var v))
                {
                    cells[r][c] = v.Text;
                    positions[r][c] = (v.Line, v.Column);
                }
                else
                {
                    positions[r][c] = rowPositions[r];
                }
            }
        }

        return new TabularData(file, columns, cells, positions, lines);
    }

    private static (string? Text, int Line, int Column) Scalar(ref Utf8JsonReader reader, string file, List<int> lineStarts)
    {
        var (line, col) = Position(lineStarts, reader.TokenStartIndex);
        string? text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new InputFileException(file, line, col, string.Empty, "a table cell must be a string, number, boolean or null"),
        };
        return (text, line, col);
    }

    private static bool Next(ref Utf8JsonReader reader) => reader.Read();

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string file, List<int> lineStarts, string what)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            var (line, col) = Position(lineStarts, reader.TokenStartIndex);
            throw new InputFileException(file, line, col, string.Empty, what);
        }
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Position(List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, (int)offset - lineStarts[line] + 1);
    }
}
