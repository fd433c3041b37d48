using System.Globalization;

namespace TwinPlatform.Core.Units;

/// <summary>
/// Reads unit expressions: symbols joined by <c>*</c>, <c>.</c>, <c>·</c> or a space, divided by <c>/</c>,
/// raised by <c>^n</c> (or a trailing digit as in <c>m2</c>), grouped with parentheses.
/// </summary>
internal static class UnitParser
{
    public static Unit ParseUnit(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        if (text.Length == 0)
        {
            throw UnitThrowHelper.Malformed(expression, "empty");
        }

        if (UnitCatalog.TryGet(text, out var single))
        {
            return single;
        }

        var pos = 0;
        var (dimension, scale) = ParseProduct(expression, text, ref pos);
        if (pos != text.Length)
        {
            throw UnitThrowHelper.Malformed(expression, $"unexpected '{text[pos]}' at position {pos + 1}");
        }

        return new Unit(text, dimension, scale);
    }

    /// <summary>Splits "210 GPa" / "210GPa" / "-5.38e-1 MPa" into number and unit text.</summary>
    public static bool TrySplitNumber(string text, out double number, out string unitText)
    {
        var s = text.AsSpan().Trim();
        var end = 0;
        while (end < s.Length)
        {
            var c = s[end];
            var isExponent = (c == 'e' || c == 'E') && end > 0 && end + 1 < s.Length
                && (char.IsDigit(s[end + 1]) || ((s[end + 1] == '-' || s[end + 1] == '+') && end + 2 < s.Length && char.IsDigit(s[end + 2])));
            if (char.IsDigit(c) || c == '.' || ((c == '-' || c == '+') && (end == 0 || s[end - 1] == 'e' || s[end - 1] == 'E')) || isExponent)
            {
                end++;
                continue;
            }

            break;
        }

        unitText = s[end..].Trim().ToString();
        return double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static (Dimension Dimension, double Scale) ParseProduct(string expression, string text, ref int pos)
    {
        var (dimension, scale) = ParsePower(expression, text, ref pos);
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == ')')
            {
                break;
            }

            var divide = c == '/';
            if (c is '*' or '/' or '·' or '.' or ' ')
            {
                pos++;
                SkipSpaces(text, ref pos);
            }

            var (d, s) = ParsePower(expression, text, ref pos);
            if (divide)
            {
                dimension /= d;
                scale /= s;
            }
            else
            {
                dimension *= d;
                scale *= s;
            }
        }

        return (dimension, scale);
    }

    private static (Dimension Dimension, double Scale) ParsePower(string expression, string text, ref int pos)
    {
        SkipSpaces(text, ref pos);
        Dimension dimension;
        double scale;
        if (pos < text.Length && text[pos] == '(')
        {
            pos++;
            (dimension, scale) = ParseProduct(expression, text, ref pos);
            if (pos >= text.Length || text[pos] != ')')
            {
                throw UnitThrowHelper.Malformed(expression, "missing ')'");
            }

            pos++;
        }
        else
        {
            var start = pos;
            while (pos < text.Length && IsSymbolChar(text[pos]))
            {
                pos++;
            }

            if (pos == start)
            {
                throw UnitThrowHelper.Malformed(expression, pos < text.Length ? $"unexpected '{text[pos]}'" : "ends early");
            }

            var symbol = text[start..pos];

            // "m2", "m3": a trailing integer is an exponent when the symbol itself is not known.
            var exponentDigits = 0;
            if (!UnitCatalog.TryGet(symbol, out var unit))
            {
                while (exponentDigits < symbol.Length - 1 && char.IsDigit(symbol[symbol.Length - 1 - exponentDigits]))
                {
                    exponentDigits++;
                }

                if (exponentDigits == 0 || !UnitCatalog.TryGet(symbol[..^exponentDigits], out unit))
                {
                    throw UnitThrowHelper.UnknownUnit(expression, symbol);
                }
            }

            dimension = unit.Dimension;
            scale = unit.Scale;
            if (exponentDigits > 0)
            {
                var p = int.Parse(symbol.AsSpan(symbol.Length - exponentDigits), CultureInfo.InvariantCulture);
                dimension = dimension.Pow(p);
                scale = Math.Pow(scale, p);
            }
        }

        SkipSpaces(text, ref pos);
        if (pos < text.Length && (text[pos] == '^' || text[pos] == '²' || text[pos] == '³'))
        {
            int power;
            if (text[pos] == '²') { power = 2; pos++; }
            else if (text[pos] == '³') { power = 3; pos++; }
            else
            {
                pos++;
                var start = pos;
                if (pos < text.Length && (text[pos] == '-' || text[pos] == '+'))
                {
                    pos++;
                }

                while (pos < text.Length && char.IsDigit(text[pos]))
                {
                    pos++;
                }

                if (!int.TryParse(text.AsSpan(start, pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out power))
                {
                    throw UnitThrowHelper.Malformed(expression, "'^' must be followed by an integer");
                }
            }

            dimension = dimension.Pow(power);
            scale = Math.Pow(scale, power);
        }

        return (dimension, scale);
    }

    private static bool IsSymbolChar(char c) =>
        char.IsLetterOrDigit(c) || c == '%' || c == '°' || c == 'µ' || c == 'μ' || c == 'ε' || c == '_';

    private static void SkipSpaces(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }
}
