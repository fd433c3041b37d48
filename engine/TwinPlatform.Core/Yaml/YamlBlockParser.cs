namespace TwinPlatform.Core.Yaml;

/// <summary>Indentation-driven parser over the raw lines; one instance per document.</summary>
internal sealed class YamlBlockParser
{
    private readonly string[] _lines;
    private int _index;

    public YamlBlockParser(string text)
    {
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (_lines.Length > 0 && _lines[0].Length > 0 && _lines[0][0] == '\uFEFF')
        {
            _lines[0] = _lines[0][1..];
        }
    }

    public YamlNode ParseDocument()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i];
            var indent = 0;
            while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t'))
            {
                if (line[indent] == '\t')
                {
                    throw new YamlException(i + 1, indent + 1, "tab in indentation; indent with spaces");
                }

                indent++;
            }
        }

        var first = NextContent();
        if (first >= 0)
        {
            var c = Content(first);
            if (c.StartsWith('%'))
            {
                throw new YamlException(first + 1, 1, "YAML directives are not supported");
            }

            if (c == "---")
            {
                _index = first + 1;
            }
        }

        var root = ParseBlock(0) ?? new YamlMapping([], 1, 1);
        var rest = NextContent();
        if (rest >= 0)
        {
            var c = Content(rest);
            if (c == "---")
            {
                throw new YamlException(rest + 1, 1, "only one document per file");
            }

            if (c != "...")
            {
                throw new YamlException(rest + 1, Indent(rest) + 1, $"unexpected '{Shorten(c)}' after the end of the document's top-level node");
            }
        }

        return root;
    }

    private YamlNode? ParseBlock(int minIndent)
    {
        var i = NextContent();
        if (i < 0)
        {
            return null;
        }

        var indent = Indent(i);
        if (indent < minIndent)
        {
            return null;
        }

        var c = Content(i);
        if (IsSequenceItem(c))
        {
            return ParseSequence(indent);
        }

        if (YamlText.FindKeyColon(c) >= 0)
        {
            return ParseMapping(indent);
        }

        _index = i + 1;
        return ParseInlineValue(i, indent, c, indent - 1);
    }

    private YamlMapping ParseMapping(int indent)
    {
        var entries = new List<YamlEntry>();
        var firstLine = -1;
        while (NextLineOfBlock(indent, "keys of this mapping", out var i, out var c))
        {
            var li = indent;

            if (IsSequenceItem(c))
            {
                throw new YamlException(i + 1, li + 1, "a list item where a 'key: value' was expected");
            }

            var colon = YamlText.FindKeyColon(c);
            if (colon < 0)
            {
                throw new YamlException(i + 1, li + 1, $"expected 'key: value', found '{Shorten(c)}'");
            }

            var key = YamlText.Unquote(c[..colon].TrimEnd(), i + 1, li + 1);
            if (key.Length > 0 && key[0] is '?' or '&' or '*' or '!')
            {
                throw new YamlException(i + 1, li + 1, $"complex keys, anchors, aliases and tags are not supported ('{key}')");
            }

            foreach (var e in entries)
            {
                if (e.Key == key)
                {
                    throw new YamlException(i + 1, li + 1, $"duplicate key '{key}' (first at line {e.Line})");
                }
            }

            if (firstLine < 0)
            {
                firstLine = i + 1;
            }

            var afterColon = colon + 1;
            var rest = c[afterColon..];
            var restTrimmed = rest.TrimStart();
            var restCol = li + afterColon + (rest.Length - restTrimmed.Length);
            _index = i + 1;
            YamlNode value;
            if (restTrimmed.Length == 0)
            {
                var j = NextContent();
                if (j >= 0 && Indent(j) > indent)
                {
                    value = ParseBlock(indent + 1)!;
                }
                else if (j >= 0 && Indent(j) == indent && IsSequenceItem(Content(j)))
                {
                    value = ParseSequence(indent);
                }
                else
                {
                    value = new YamlScalar(string.Empty, false, i + 1, li + colon + 2);
                }
            }
            else
            {
                value = ParseInlineValue(i, restCol, restTrimmed, indent);
            }

            entries.Add(new YamlEntry(key, i + 1, li + 1, value));
        }

        return new YamlMapping(entries, firstLine, indent + 1);
    }

    private YamlSequence ParseSequence(int indent)
    {
        var items = new List<YamlNode>();
        var firstLine = -1;
        while (NextLineOfBlock(indent, "items of this list", out var i, out var c))
        {
            var li = indent;
            if (!IsSequenceItem(c))
            {
                break;
            }

            if (firstLine < 0)
            {
                firstLine = i + 1;
            }

            if (c == "-")
            {
                _index = i + 1;
                var j = NextContent();
                items.Add(j >= 0 && Indent(j) > indent
                    ? ParseBlock(indent + 1)!
                    : new YamlScalar(string.Empty, false, i + 1, li + 2));
                continue;
            }

            // Blank out the dash: the item's content becomes a line indented past it, so that
            // "- key: a" followed by "  other: b" reads as one mapping, as YAML intends.
            var raw = _lines[i];
            _lines[i] = string.Concat(raw.AsSpan(0, li), " ", raw.AsSpan(li + 1));
            items.Add(ParseBlock(indent + 1)!);
        }

        return new YamlSequence(items, firstLine, indent + 1);
    }

    private YamlNode ParseInlineValue(int lineIndex, int column, string text, int parentIndent)
    {
        var line = lineIndex + 1;
        var first = text[0];
        if (first is '&' or '*' or '!')
        {
            throw new YamlException(line, column + 1, "anchors, aliases and tags are not supported");
        }

        if (first is '|' or '>')
        {
            return ParseBlockScalar(line, column, text, parentIndent);
        }

        if (first is '[' or '{')
        {
            return ParseFlow(lineIndex, column, text);
        }

        if (first is '"' or '\'')
        {
            var end = YamlText.ClosingQuote(text, 0);
            if (end < 0)
            {
                throw new YamlException(line, column + 1, "unterminated quoted string (quoted strings must end on the same line)");
            }

            if (end != text.Length - 1)
            {
                throw new YamlException(line, column + end + 2, $"unexpected '{Shorten(text[(end + 1)..])}' after the quoted string");
            }

            return new YamlScalar(YamlText.Unquote(text, line, column + 1), true, line, column + 1);
        }

        return new YamlScalar(text, false, line, column + 1);
    }

    private YamlScalar ParseBlockScalar(int line, int column, string header, int parentIndent)
    {
        var literal = header[0] == '|';
        var chomp = header.Length > 1 ? header[1] : ' ';
        if (header.Length > 2 || chomp is not (' ' or '-' or '+'))
        {
            throw new YamlException(line, column + 1, $"unsupported block scalar header '{header}' (use |, |-, |+, >, >- or >+)");
        }

        var collected = new List<string>();
        var blockIndent = -1;
        while (_index < _lines.Length)
        {
            var raw = _lines[_index];
            if (raw.Trim().Length == 0)
            {
                collected.Add(string.Empty);
                _index++;
                continue;
            }

            var ind = 0;
            while (ind < raw.Length && raw[ind] == ' ')
            {
                ind++;
            }

            if (blockIndent < 0)
            {
                if (ind <= parentIndent)
                {
                    break;
                }

                blockIndent = ind;
            }

            if (ind < blockIndent)
            {
                break;
            }

            collected.Add(raw[blockIndent..].TrimEnd());
            _index++;
        }

        // Trailing blank lines belong to chomping, not to content.
        var trailing = 0;
        while (collected.Count > 0 && collected[^1].Length == 0)
        {
            collected.RemoveAt(collected.Count - 1);
            trailing++;
        }

        string body;
        if (literal)
        {
            body = string.Join('\n', collected);
        }
        else
        {
            var sb = new System.Text.StringBuilder();
            for (var k = 0; k < collected.Count; k++)
            {
                if (collected[k].Length == 0)
                {
                    sb.Append('\n');
                    continue;
                }

                if (sb.Length > 0 && sb[^1] != '\n')
                {
                    sb.Append(' ');
                }

                sb.Append(collected[k]);
            }

            body = sb.ToString();
        }

        body = chomp switch
        {
            '-' => body,
            '+' => body + new string('\n', trailing + (body.Length > 0 ? 1 : 0)),
            _ => body.Length > 0 ? body + "\n" : body,
        };
        return new YamlScalar(body, true, line, column + 1);
    }

    private YamlNode ParseFlow(int lineIndex, int column, string text)
    {
        // Gather lines until the brackets balance, keeping each character's position.
        var chars = new System.Text.StringBuilder();
        var lines = new List<int>();
        var cols = new List<int>();
        void Add(string s, int line, int col)
        {
            for (var k = 0; k < s.Length; k++)
            {
                chars.Append(s[k]);
                lines.Add(line);
                cols.Add(col + k);
            }

            chars.Append('\n');
            lines.Add(line);
            cols.Add(col + s.Length);
        }

        Add(text, lineIndex + 1, column + 1);
        while (!YamlText.IsBalanced(chars.ToString()))
        {
            var j = NextContent();
            if (j < 0)
            {
                throw new YamlException(lineIndex + 1, column + 1, "unclosed '[' or '{'");
            }

            Add(Content(j), j + 1, Indent(j) + 1);
            _index = j + 1;
        }

        var parser = new YamlFlowParser(chars.ToString(), lines, cols);
        return parser.ParseAll();
    }

    /// <summary>
    /// The next content line if it belongs to the block at <paramref name="indent"/>: false at the end,
    /// at a less indented line or at a document marker; an error for a more indented line.
    /// </summary>
    private bool NextLineOfBlock(int indent, string what, out int line, out string content)
    {
        line = NextContent();
        content = string.Empty;
        if (line < 0)
        {
            return false;
        }

        var li = Indent(line);
        if (li < indent)
        {
            return false;
        }

        if (li > indent)
        {
            throw new YamlException(line + 1, li + 1, $"unexpected indentation ({what} start at column {indent + 1})");
        }

        content = Content(line);
        return content is not ("---" or "...");
    }

    private int NextContent()
    {
        while (_index < _lines.Length)
        {
            if (Content(_index).Length > 0)
            {
                return _index;
            }

            _index++;
        }

        return -1;
    }

    private int Indent(int i)
    {
        var s = _lines[i];
        var n = 0;
        while (n < s.Length && s[n] == ' ')
        {
            n++;
        }

        return n;
    }

    private string Content(int i) => YamlText.StripComment(_lines[i].AsSpan(Indent(i))).TrimEnd().ToString();

    private static bool IsSequenceItem(string c) => c == "-" || c.StartsWith("- ", StringComparison.Ordinal);

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
