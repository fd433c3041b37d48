using System.Globalization;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>
/// Reads the ASCII .frd result files CalculiX writes (the cgx format): the node block and the nodal result
/// blocks; element blocks are skipped.
/// </summary>
/// <remarks>
/// <para>Subset read (see docs/solver.md): header <c>1UVERSION</c>; node block <c>2C</c> with <c>-1</c> lines
/// (node number, x, y, z); element block <c>3C</c> (skipped; it lists the 20-node hexahedron with its vertical
/// mid-edge nodes 17-20 before the top ones 13-16, unlike the deck); <c>1PSTEP</c> (its third number is the deck
/// step) and <c>1PMODE</c> parameter lines; result blocks: a <c>100CL</c> header (value = step time or the
/// frequency in cycles/time, analysis type, format), a <c>-4</c> name line, <c>-5</c> component lines (those flagged
/// as computed, such as ALL, carry no data) and <c>-1</c>/<c>-2</c> data lines, closed by <c>-3</c>.</para>
/// <para>Data lines are fixed-width, because CalculiX prints numbers without separators (<c>1.0E-04-2.0E-04</c>):
/// <c>' -1', I10, 6E12.5</c> in the long format (format flag 1) and <c>' -1', I5, 6E12.5</c> in the short one (0).
/// Binary .frd files (flag 2) are refused.</para>
/// </remarks>
public static class FrdReader
{
    private const int ValueWidth = 12;

    /// <summary>Reads the .frd file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an ASCII .frd file or a line cannot be read; the message names the line.</exception>
    public static FrdFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads a .frd file from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    public static FrdFile Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new State(reader, fileName);
        var nodeIds = new List<int>();
        var coordinates = new List<double>();
        var blocks = new List<FrdBlock>();
        var version = string.Empty;
        int step = 0, mode = 0;
        string? line;
        while ((line = state.Next()) is not null)
        {
            if (line.StartsWith("    1UVERSION", StringComparison.Ordinal))
            {
                version = line[13..].Trim();
            }
            else if (line.StartsWith("    2C", StringComparison.Ordinal))
            {
                ReadNodes(state, LongFormat(state, line), nodeIds, coordinates);
            }
            else if (line.StartsWith("    3C", StringComparison.Ordinal))
            {
                SkipBlock(state);
            }
            else if (line.StartsWith("    1PSTEP", StringComparison.Ordinal))
            {
                var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                step = tokens.Length >= 4 ? state.Integer(tokens[3]) : step;
                mode = 0;
            }
            else if (line.StartsWith("    1PMODE", StringComparison.Ordinal))
            {
                mode = state.Integer(line[10..].Trim());
            }
            else if (line.StartsWith("  100C", StringComparison.Ordinal))
            {
                blocks.Add(ReadResults(state, line, step, mode));
            }
            else if (line.StartsWith(" 9999", StringComparison.Ordinal))
            {
                break;
            }
        }

        if (nodeIds.Count == 0 && blocks.Count == 0)
        {
            throw new InvalidDataException($"{fileName}: no node block and no result block: not a CalculiX .frd file");
        }

        return new FrdFile([.. nodeIds], [.. coordinates], blocks, version);
    }

    private static bool LongFormat(State state, string header)
    {
        var flag = header.TrimEnd();
        return flag[^1] switch
        {
            '0' => false,
            '1' => true,
            _ => throw state.Error("binary or unknown .frd format flag; write ASCII results (the CalculiX default)"),
        };
    }

    private static void ReadNodes(State state, bool longFormat, List<int> ids, List<double> coordinates)
    {
        string? line;
        while ((line = state.Next()) is not null && !line.StartsWith(" -3", StringComparison.Ordinal))
        {
            if (!line.StartsWith(" -1", StringComparison.Ordinal))
            {
                continue;
            }

            var (id, start) = state.NodeNumber(line, longFormat);
            ids.Add(id);
            for (var k = 0; k < 3; k++)
            {
                coordinates.Add(state.Value(line, start + (k * ValueWidth)));
            }
        }
    }

    private static void SkipBlock(State state)
    {
        string? line;
        while ((line = state.Next()) is not null && !line.StartsWith(" -3", StringComparison.Ordinal))
        {
        }
    }

    private static FrdBlock ReadResults(State state, string header, int step, int mode)
    {
        // (1X,' 100','C',6A1,E12.5,I12,20A1,I2,I5,10A1,I2): value in columns 13-24, type in 57-58, format in 74-75.
        var value = state.Double(Columns(header, 12, 12));
        var typeText = Columns(header, 56, 2).Trim();
        var analysisType = typeText.Length == 0 ? 0 : state.Integer(typeText);
        var longFormat = LongFormat(state, header);

        var nameLine = state.Next() ?? throw state.Error("file ends after a result header");
        if (!nameLine.StartsWith(" -4", StringComparison.Ordinal))
        {
            throw state.Error("expected the ' -4' name line of a result block");
        }

        var name = Columns(nameLine, 5, 8).Trim();
        var components = new List<string>();
        var ids = new List<int>();
        var values = new List<double>();
        string? line;
        while ((line = state.Next()) is not null && !line.StartsWith(" -3", StringComparison.Ordinal))
        {
            if (line.StartsWith(" -5", StringComparison.Ordinal))
            {
                // Component line: name, menu, type, index 1, index 2, and an 'exists' flag of 1 for computed components.
                var fields = line[13..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var computed = fields.Length >= 5 && fields[4].StartsWith('1');
                if (!computed)
                {
                    components.Add(Columns(line, 5, 8).Trim());
                }
            }
            else if (line.StartsWith(" -1", StringComparison.Ordinal))
            {
                var (id, start) = state.NodeNumber(line, longFormat);
                ids.Add(id);
                AddValues(state, line, start, values);
            }
            else if (line.StartsWith(" -2", StringComparison.Ordinal))
            {
                AddValues(state, line, longFormat ? 13 : 8, values);
            }
        }

        if (components.Count == 0 || values.Count != components.Count * ids.Count)
        {
            throw state.Error($"result block {name} holds {values.Count} values for {ids.Count} nodes and {components.Count} components");
        }

        return new FrdBlock
        {
            Name = name,
            Step = step,
            Mode = mode,
            Value = value,
            AnalysisType = analysisType,
            Components = components,
            NodeIds = [.. ids],
            Values = [.. values],
        };
    }

    private static void AddValues(State state, string line, int start, List<double> values)
    {
        var end = line.TrimEnd().Length;
        for (var p = start; p < end; p += ValueWidth)
        {
            values.Add(state.Value(line, p));
        }
    }

    private static string Columns(string line, int start, int width) =>
        start >= line.Length ? string.Empty : line.Substring(start, Math.Min(width, line.Length - start));

    /// <summary>Line reader with the current line number for messages.</summary>
    private sealed class State(TextReader reader, string fileName)
    {
        private int _line;

        public string? Next()
        {
            _line++;
            return reader.ReadLine();
        }

        public (int Id, int ValuesStart) NodeNumber(string line, bool longFormat)
        {
            var width = longFormat ? 10 : 5;
            return (Integer(Columns(line, 3, width).Trim()), 3 + width);
        }

        public double Value(string line, int start) => Double(Columns(line, start, ValueWidth));

        public double Double(string text)
        {
            var t = text.Trim();
            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw Error($"'{t}' is not a number");
        }

        public int Integer(string text) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw Error($"'{text}' is not an integer");

        public InvalidDataException Error(string reason) => new($"{fileName}:{_line}: {reason}");
    }
}
