namespace TwinPlatform.Core.Yaml;

/// <summary>Parses a flow collection (<c>[a, b]</c>, <c>{k: v}</c>) with per-character positions.</summary>
internal sealed class YamlFlowParser
{
    private readonly string _s;
    private readonly List<int> _lines;
    private readonly List<int> _cols;
    private int _p;

    public YamlFlowParser(string s, List<int> lines, List<int> cols)
    {
        _s = s;
        _lines = lines;
        _cols = cols;
    }

    public YamlNode ParseAll()
    {
        var node = ParseValue();
        SkipSpace();
        if (_p < _s.Length)
        {
            throw Error($"unexpected '{_s[_p]}' after the closing bracket");
        }

        return node;
    }

    private YamlNode ParseValue()
    {
        SkipSpace();
        if (_p >= _s.Length)
        {
            throw Error("a value is missing");
        }

        var c = _s[_p];
        return c switch
        {
            '[' => ParseSequence(),
            '{' => ParseMapping(),
            '"' or '\'' => ParseQuoted(),
            '&' or '*' or '!' => throw Error("anchors, aliases and tags are not supported"),
            _ => ParsePlain(isKey: false),
        };
    }

    private YamlSequence ParseSequence()
    {
        var (line, col) = (_lines[_p], _cols[_p]);
        _p++;
        var items = new List<YamlNode>();
        SkipSpace();
        if (Peek() == ']')
        {
            _p++;
            return new YamlSequence(items, line, col);
        }

        while (true)
        {
            items.Add(ParseValue());
            SkipSpace();
            var c = Peek();
            if (c == ',')
            {
                _p++;
                SkipSpace();
                if (Peek() == ']')
                {
                    _p++;
                    break;
                }

                continue;
            }

            if (c == ']')
            {
                _p++;
                break;
            }

            throw Error(c == '\0' ? "missing ']'" : $"expected ',' or ']' but found '{c}'");
        }

        return new YamlSequence(items, line, col);
    }

    private YamlMapping ParseMapping()
    {
        var (line, col) = (_lines[_p], _cols[_p]);
        _p++;
        var entries = new List<YamlEntry>();
        SkipSpace();
        if (Peek() == '}')
        {
            _p++;
            return new YamlMapping(entries, line, col);
        }

        while (true)
        {
            SkipSpace();
            var (kl, kc) = (_lines[Math.Min(_p, _lines.Count - 1)], _cols[Math.Min(_p, _cols.Count - 1)]);
            var keyNode = Peek() is '"' or '\'' ? ParseQuoted() : ParsePlain(isKey: true);
            SkipSpace();
            if (Peek() != ':')
            {
                throw Error($"expected ':' after the key '{keyNode.Value}'");
            }

            _p++;
            foreach (var e in entries)
            {
                if (e.Key == keyNode.Value)
                {
                    throw new YamlException(kl, kc, $"duplicate key '{keyNode.Value}'");
                }
            }

            SkipSpace();
            YamlNode value = Peek() is ',' or '}'
                ? new YamlScalar(string.Empty, false, _lines[_p], _cols[_p])
                : ParseValue();
            entries.Add(new YamlEntry(keyNode.Value, kl, kc, value));
            SkipSpace();
            var c = Peek();
            if (c == ',')
            {
                _p++;
                SkipSpace();
                if (Peek() == '}')
                {
                    _p++;
                    break;
                }

                continue;
            }

            if (c == '}')
            {
                _p++;
                break;
            }

            throw Error(c == '\0' ? "missing '}'" : $"expected ',' or '}}' but found '{c}'");
        }

        return new YamlMapping(entries, line, col);
    }

    private YamlScalar ParseQuoted()
    {
        var (line, col) = (_lines[_p], _cols[_p]);
        var end = YamlText.ClosingQuote(_s, _p);
        if (end < 0)
        {
            throw Error("unterminated quoted string");
        }

        var text = _s[_p..(end + 1)];
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            throw Error("quoted strings must end on the line they start");
        }

        _p = end + 1;
        return new YamlScalar(YamlText.Unquote(text, line, col), true, line, col);
    }

    private YamlScalar ParsePlain(bool isKey)
    {
        var start = _p;
        while (_p < _s.Length)
        {
            var c = _s[_p];
            if (c is ',' or ']' or '}' or '\n' or '[' or '{')
            {
                break;
            }

            if (c == ':' && (_p + 1 >= _s.Length || _s[_p + 1] is ' ' or '\n' || (isKey && _s[_p + 1] is ',' or '}')))
            {
                break;
            }

            _p++;
        }

        if (_p < _s.Length && _s[_p] is '[' or '{' && _p > start)
        {
            throw Error($"unexpected '{_s[_p]}' inside a plain value");
        }

        var text = _s[start.._p].Trim();
        return new YamlScalar(text, false, _lines[start], _cols[start]);
    }

    private void SkipSpace()
    {
        while (_p < _s.Length && _s[_p] is ' ' or '\n')
        {
            _p++;
        }
    }

    private char Peek() => _p < _s.Length ? _s[_p] : '\0';

    private YamlException Error(string reason)
    {
        var i = Math.Min(_p, _lines.Count - 1);
        return new YamlException(_lines[i], _cols[i], reason);
    }
}
