using System.Globalization;
using System.Text;

namespace TwinPlatform.Core.Yaml;

/// <summary>Character-level helpers shared by the block and flow parsers.</summary>
internal static class YamlText
{
    /// <summary>Removes a trailing comment: '#' at the start or after a space, outside quotes.</summary>
    public static ReadOnlySpan<char> StripComment(ReadOnlySpan<char> s)
    {
        var quote = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    quote = '\0';
                }
                else if (quote == '"' && c == '\\')
                {
                    i++;
                }

                continue;
            }

            if ((c == '"' || c == '\'') && StartsScalar(s, i))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || s[i - 1] == ' '))
            {
                return s[..i];
            }
        }

        return s;
    }

    /// <summary>Index of the ':' that ends a mapping key (followed by a space or the end), or -1.</summary>
    public static int FindKeyColon(string s)
    {
        if (s.Length == 0 || s[0] is '[' or '{')
        {
            return -1;
        }

        var i = 0;
        if (s[0] is '"' or '\'')
        {
            i = ClosingQuote(s, 0);
            if (i < 0)
            {
                return -1;
            }

            i++;
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            return i < s.Length && s[i] == ':' && (i + 1 == s.Length || s[i + 1] == ' ') ? i : -1;
        }

        for (; i < s.Length; i++)
        {
            if (s[i] == ':' && (i + 1 == s.Length || s[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the quote closing the one at <paramref name="start"/>, or -1.</summary>
    public static int ClosingQuote(string s, int start)
    {
        var q = s[start];
        for (var i = start + 1; i < s.Length; i++)
        {
            if (q == '"' && s[i] == '\\')
            {
                i++;
                continue;
            }

            if (s[i] == q)
            {
                if (q == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes quotes and resolves escapes; plain text is returned as is.</summary>
    public static string Unquote(string s, int line, int column)
    {
        if (s.Length < 2 || (s[0] != '"' && s[0] != '\''))
        {
            return s;
        }

        var q = s[0];
        if (s[^1] != q)
        {
            throw new YamlException(line, column, "unterminated quoted string");
        }

        var body = s[1..^1];
        if (q == '\'')
        {
            return body.Replace("''", "'", StringComparison.Ordinal);
        }

        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= body.Length)
            {
                throw new YamlException(line, column + i + 1, "dangling '\\' in a quoted string");
            }

            switch (body[i])
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'u' when i + 4 < body.Length + 0 && int.TryParse(body.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new YamlException(line, column + i + 1, $"unknown escape '\\{body[i]}'");
            }
        }

        return sb.ToString();
    }

    /// <summary>True when every '[' and '{' outside quotes is closed.</summary>
    public static bool IsBalanced(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if ((c == '"' || c == '\'') && StartsScalar(s, i))
            {
                var end = ClosingQuote(s, i);
                if (end < 0)
                {
                    return depth <= 0;
                }

                i = end;
                continue;
            }

            if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return depth <= 0;
    }

    /// <summary>A quote starts a quoted scalar only at the start of a value.</summary>
    private static bool StartsScalar(ReadOnlySpan<char> s, int i)
    {
        var k = i - 1;
        while (k >= 0 && s[k] is ' ' or '\n')
        {
            k--;
        }

        return k < 0 || s[k] is ':' or '-' or ',' or '[' or '{' or '?';
    }
}
