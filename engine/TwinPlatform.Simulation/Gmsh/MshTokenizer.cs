using System.Globalization;
using TwinPlatform.Core;

namespace TwinPlatform.Simulation.Gmsh;

/// <summary>Line-by-line tokenizer of an ASCII .msh file that reports errors with file, line and column.</summary>
internal sealed class MshTokenizer
{
    private readonly TextReader _reader;
    private string _line = string.Empty;
    private int _position;

    public MshTokenizer(TextReader reader, string file)
    {
        _reader = reader;
        File = file;
    }

    public string File { get; }

    /// <summary>1-based number of the current line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Section being read, for error messages ("$Nodes").</summary>
    public string Section { get; set; } = string.Empty;

    /// <summary>The current line without surrounding whitespace.</summary>
    public ReadOnlySpan<char> Current => _line.AsSpan().Trim();

    /// <summary>Advances to the next non-blank line; false at end of file.</summary>
    public bool NextLine()
    {
        while (true)
        {
            var line = _reader.ReadLine();
            if (line is null)
            {
                return false;
            }

            LineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                _line = line;
                _position = 0;
                return true;
            }
        }
    }

    /// <summary>Advances to the next data line of the current section; errors at end of file or on a section marker.</summary>
    public void NextDataLine(string expected)
    {
        if (!NextLine())
        {
            throw Error(0, $"unexpected end of file: expected {expected} (is the ${Section} section cut short or missing $End{Section}?)");
        }

        if (_line.TrimStart().StartsWith('$'))
        {
            throw Error(1, $"expected {expected}, found '{Current}': the section has fewer entries than its header declares");
        }
    }

    /// <summary>Expects the line <c>$End{Section}</c> next.</summary>
    public void ExpectEnd()
    {
        var end = "$End" + Section;
        if (!NextLine())
        {
            throw Error(0, $"unexpected end of file: missing {end}");
        }

        if (!Current.SequenceEqual(end))
        {
            throw Error(1, $"expected {end}, found '{Current}': the section has more entries than its header declares, or is malformed");
        }
    }

    public int ReadInt(string what)
    {
        var token = ReadToken(what, out var column);
        return int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"expected {what} (an integer), found '{token}'");
    }

    public long ReadLong(string what)
    {
        var token = ReadToken(what, out var column);
        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"expected {what} (an integer), found '{token}'");
    }

    public double ReadDouble(string what)
    {
        var token = ReadToken(what, out var column);
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(column, $"expected {what} (a number), found '{token}'");
    }

    /// <summary>Reads a count, checked to be non-negative.</summary>
    public int ReadCount(string what)
    {
        var column = Column;
        var value = ReadInt(what);
        return value >= 0 ? value : throw Error(column, $"{what} must not be negative, found {value}");
    }

    /// <summary>Reads a double-quoted string.</summary>
    public string ReadQuoted(string what)
    {
        SkipBlanks();
        var column = _position + 1;
        if (_position >= _line.Length || _line[_position] != '"')
        {
            throw Error(column, $"expected {what} in double quotes");
        }

        var close = _line.IndexOf('"', _position + 1);
        if (close < 0)
        {
            throw Error(column, $"{what} has no closing quote");
        }

        var text = _line[(_position + 1)..close];
        _position = close + 1;
        return text;
    }

    /// <summary>True if only whitespace is left on the line.</summary>
    public bool AtEndOfLine()
    {
        SkipBlanks();
        return _position >= _line.Length;
    }

    /// <summary>1-based column of the next token.</summary>
    public int Column
    {
        get
        {
            SkipBlanks();
            return _position + 1;
        }
    }

    public InputFileException Error(int column, string reason) =>
        new(File, LineNumber, column, Section.Length > 0 ? "$" + Section : string.Empty, reason);

    private ReadOnlySpan<char> ReadToken(string what, out int column)
    {
        SkipBlanks();
        column = _position + 1;
        if (_position >= _line.Length)
        {
            throw Error(column, $"expected {what}, found the end of the line");
        }

        var start = _position;
        while (_position < _line.Length && !char.IsWhiteSpace(_line[_position]))
        {
            _position++;
        }

        return _line.AsSpan(start, _position - start);
    }

    private void SkipBlanks()
    {
        while (_position < _line.Length && char.IsWhiteSpace(_line[_position]))
        {
            _position++;
        }
    }
}
