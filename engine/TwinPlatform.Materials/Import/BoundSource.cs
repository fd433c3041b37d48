using System.Text;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Materials.Import;

/// <summary>A <see cref="ValueSource"/> bound to the columns of one table; reads one row at a time.</summary>
internal sealed class BoundSource
{
    private readonly List<(string Text, int Column)> _template;

    public BoundSource(ValueSource source, int column, List<(string Text, int Column)> template)
    {
        Source = source;
        ColumnIndex = column;
        _template = template;
    }

    public ValueSource Source { get; }

    /// <summary>The data column, or -1.</summary>
    public int ColumnIndex { get; }

    /// <summary>The text of the value in a row, or null when missing (a required value throws).</summary>
    public string? Text(TabularData table, int row, IReadOnlySet<string> missing, string field)
    {
        string? text;
        if (Source.Constant is { } constant)
        {
            text = constant;
        }
        else if (ColumnIndex >= 0)
        {
            text = table.Cell(row, ColumnIndex);
            if (text is not null && missing.Contains(text))
            {
                text = null;
            }

            if (text is not null && Source.Map is { } map)
            {
                text = map.TryGetValue(text, out var word)
                    ? word
                    : throw new RowException(ColumnIndex, field, $"'{text}' is not one of the codes the mapping knows ({string.Join(", ", map.Keys)})");
            }
        }
        else
        {
            var sb = new StringBuilder();
            foreach (var (part, column) in _template)
            {
                if (column < 0)
                {
                    sb.Append(part);
                    continue;
                }

                var cell = table.Cell(row, column);
                if (cell is null || missing.Contains(cell))
                {
                    if (Source.Required)
                    {
                        throw new RowException(column, field, "a value is required here");
                    }

                    return null;
                }

                sb.Append(cell);
            }

            text = sb.ToString();
        }

        if (text is null && Source.Required)
        {
            throw new RowException(ColumnIndex, field, "a value is required here");
        }

        return text;
    }

    /// <summary>The value of a row as a quantity in SI, or null when missing.</summary>
    public Quantity? Quantity(TabularData table, int row, IReadOnlySet<string> missing, string field)
    {
        var text = Text(table, row, missing, field);
        if (text is null)
        {
            return null;
        }

        return ValueSource.TryQuantity(text, Source.Unit, out var q, out var error)
            ? q
            : throw new RowException(ColumnIndex, field, error!);
    }
}
