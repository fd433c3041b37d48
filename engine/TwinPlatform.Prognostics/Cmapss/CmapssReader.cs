using System.Globalization;
using TwinPlatform.Core;

namespace TwinPlatform.Prognostics.Cmapss;

/// <summary>
/// Reads the NASA C-MAPSS text format: one row per cycle, 26 numbers separated by spaces (unit,
/// cycle, 3 operating settings, 21 sensors), the rows of each unit contiguous with cycles 1, 2, ...
/// Blank lines are skipped. Every error names the file, line, column and field.
/// </summary>
public static class CmapssReader
{
    /// <summary>Reads a trajectory file (<c>train_FD001.txt</c>, <c>test_FD001.txt</c>).</summary>
    /// <exception cref="InputFileException">The file is malformed; the message gives file:line:column: field.</exception>
    public static CmapssDataSet Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads trajectories from text; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="InputFileException">The text is malformed.</exception>
    public static CmapssDataSet Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var engines = new List<CmapssEngine>();
        var seenUnits = new HashSet<int>();
        var settings = new List<double>();
        var sensors = new List<double>();
        var unit = -1;
        var lastCycle = 0;
        var firstLine = 0;
        Span<double> row = stackalloc double[CmapssColumns.Count];
        Span<int> starts = stackalloc int[CmapssColumns.Count];
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ParseRow(line, fileName, lineNumber, row, starts);
            var rowUnit = ToPositiveInteger(row[0], fileName, lineNumber, starts[0], 0);
            var cycle = ToPositiveInteger(row[1], fileName, lineNumber, starts[1], 1);
            if (rowUnit != unit)
            {
                if (unit >= 0)
                {
                    engines.Add(new CmapssEngine(unit, firstLine, [.. settings], [.. sensors]));
                    settings.Clear();
                    sensors.Clear();
                }

                if (!seenUnits.Add(rowUnit))
                {
                    throw new InputFileException(fileName, lineNumber, starts[0] + 1, "unit", $"unit {rowUnit} appears again after other units; the rows of a unit must be contiguous");
                }

                if (cycle != 1)
                {
                    throw new InputFileException(fileName, lineNumber, starts[1] + 1, "cycle", $"unit {rowUnit} starts at cycle {cycle}; expected cycle 1");
                }

                unit = rowUnit;
                firstLine = lineNumber;
            }
            else if (cycle != lastCycle + 1)
            {
                throw new InputFileException(fileName, lineNumber, starts[1] + 1, "cycle", $"cycle {cycle} of unit {unit} follows cycle {lastCycle}; expected {lastCycle + 1}");
            }

            lastCycle = cycle;
            for (var i = 0; i < CmapssColumns.SettingCount; i++)
            {
                settings.Add(row[CmapssColumns.FirstSettingColumn + i]);
            }

            for (var i = 0; i < CmapssColumns.SensorCount; i++)
            {
                sensors.Add(row[CmapssColumns.FirstSensorColumn + i]);
            }
        }

        if (unit < 0)
        {
            throw new InputFileException(fileName, 0, 0, string.Empty, "the file holds no rows");
        }

        engines.Add(new CmapssEngine(unit, firstLine, [.. settings], [.. sensors]));
        return new CmapssDataSet(fileName, engines);
    }

    /// <summary>
    /// Reads a true remaining-useful-life file (<c>RUL_FD001.txt</c>): one non-negative whole number
    /// of cycles per non-blank line (a leading '+' is accepted), in the order of the test engines.
    /// </summary>
    /// <exception cref="InputFileException">A line is not a non-negative whole number.</exception>
    public static int[] ReadRemainingUsefulLife(string path)
    {
        using var reader = new StreamReader(path);
        return ReadRemainingUsefulLife(reader, path);
    }

    /// <summary>Reads true remaining useful lives from text; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="InputFileException">A line is not a non-negative whole number.</exception>
    public static int[] ReadRemainingUsefulLife(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new List<int>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan();
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var token = text.Trim();
            if (token.IsEmpty)
            {
                continue;
            }

            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rul) || rul < 0)
            {
                throw new InputFileException(fileName, lineNumber, start + 1, "rul", $"'{token.ToString()}' is not a non-negative whole number of cycles");
            }

            values.Add(rul);
        }

        if (values.Count == 0)
        {
            throw new InputFileException(fileName, 0, 0, "rul", "the file holds no values");
        }

        return [.. values];
    }

    private static void ParseRow(string line, string fileName, int lineNumber, Span<double> row, Span<int> starts)
    {
        var text = line.AsSpan();
        var i = 0;
        var field = 0;
        while (true)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            {
                i++;
            }

            if (field == CmapssColumns.Count)
            {
                throw new InputFileException(fileName, lineNumber, start + 1, "row", $"more than {CmapssColumns.Count} values; a C-MAPSS row holds unit, cycle, 3 settings and 21 sensors");
            }

            var token = text[start..i];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new InputFileException(fileName, lineNumber, start + 1, CmapssColumns.Name(field), $"'{token.ToString()}' is not a finite number");
            }

            row[field] = value;
            starts[field] = start;
            field++;
        }

        if (field < CmapssColumns.Count)
        {
            throw new InputFileException(fileName, lineNumber, text.TrimEnd().Length + 1, CmapssColumns.Name(field), $"the row ends after {field} values; expected {CmapssColumns.Count} (unit, cycle, 3 settings, 21 sensors)");
        }
    }

    private static int ToPositiveInteger(double value, string fileName, int lineNumber, int start, int column)
    {
        if (value < 1 || value > int.MaxValue || value != Math.Floor(value))
        {
            throw new InputFileException(fileName, lineNumber, start + 1, CmapssColumns.Name(column), $"{value.ToString(CultureInfo.InvariantCulture)} is not a positive whole number");
        }

        return (int)value;
    }
}
