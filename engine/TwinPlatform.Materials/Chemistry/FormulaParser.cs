using System.Globalization;
using TwinPlatform.Core.Scenes;

namespace TwinPlatform.Materials.Chemistry;

/// <summary>
/// Parses composition formulas: <c>Fe0.620C0.000953Mn0.000521</c>, <c>Al0.25 Co1 Fe1 Ni1</c>,
/// <c>AlCoCrFeNi</c> (amount 1 implied), <c>(CoCrFeNi)90Al10</c> (groups with an amount).
/// </summary>
/// <remarks>
/// Amounts are relative: the result is normalised to fractions that add to one. A group is read as
/// alloy notation: <c>(CoCrFeNi)90Al10</c> is 90 parts of equiatomic CoCrFeNi and 10 parts Al (the
/// group's own amounts are normalised before its amount applies). A repeated element is summed.
/// Whitespace between terms is allowed; element symbols are case sensitive.
/// </remarks>
public static class FormulaParser
{
    /// <summary>Parses a formula into (element, fraction) pairs in order of first appearance, fractions adding to one.</summary>
    /// <exception cref="FormatException">Malformed text, an unknown element symbol or a zero total; the message names the position.</exception>
    public static IReadOnlyList<KeyValuePair<string, double>> Parse(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var amounts = new List<KeyValuePair<string, double>>();
        var pos = 0;
        ParseGroup(formula, ref pos, amounts, 1.0, depth: 0);
        if (pos != formula.Length)
        {
            throw new FormatException($"unexpected '{formula[pos]}' at position {pos + 1} of formula '{formula}'");
        }

        double total = 0;
        foreach (var (_, a) in amounts)
        {
            total += a;
        }

        if (amounts.Count == 0 || total <= 0)
        {
            throw new FormatException($"formula '{formula}' has no positive amounts");
        }

        var result = new List<KeyValuePair<string, double>>(amounts.Count);
        foreach (var (e, a) in amounts)
        {
            result.Add(new(e, a / total));
        }

        return result;
    }

    private static void ParseGroup(string s, ref int pos, List<KeyValuePair<string, double>> amounts, double multiplier, int depth)
    {
        while (pos < s.Length)
        {
            var c = s[pos];
            if (char.IsWhiteSpace(c))
            {
                pos++;
                continue;
            }

            if (c == ')')
            {
                if (depth == 0)
                {
                    throw new FormatException($"unmatched ')' at position {pos + 1} of formula '{s}'");
                }

                return;
            }

            if (c == '(')
            {
                pos++;
                var inner = new List<KeyValuePair<string, double>>();
                ParseGroup(s, ref pos, inner, 1.0, depth + 1);
                if (pos >= s.Length || s[pos] != ')')
                {
                    throw new FormatException($"missing ')' in formula '{s}'");
                }

                pos++;
                var m = ReadNumber(s, ref pos) ?? 1.0;
                var groupTotal = inner.Sum(kv => kv.Value);
                foreach (var (e, a) in inner)
                {
                    Add(amounts, e, groupTotal > 0 ? a / groupTotal * m * multiplier : 0);
                }

                continue;
            }

            if (!char.IsAsciiLetterUpper(c))
            {
                throw new FormatException($"expected an element symbol at position {pos + 1} of formula '{s}', found '{c}'");
            }

            var start = pos++;
            if (pos < s.Length && char.IsAsciiLetterLower(s[pos]))
            {
                pos++;
            }

            var symbol = s[start..pos];
            if (!ChemicalElements.IsSymbol(symbol))
            {
                throw new FormatException($"'{symbol}' at position {start + 1} of formula '{s}' is not a chemical element symbol");
            }

            var amount = ReadNumber(s, ref pos) ?? 1.0;
            Add(amounts, symbol, amount * multiplier);
        }

        if (depth > 0)
        {
            throw new FormatException($"missing ')' in formula '{s}'");
        }
    }

    private static double? ReadNumber(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.'
            || ((s[pos] == 'e' || s[pos] == 'E') && pos + 1 < s.Length && (char.IsAsciiDigit(s[pos + 1]) || s[pos + 1] == '-') && pos > start)))
        {
            if ((s[pos] == 'e' || s[pos] == 'E') && s[pos + 1] == '-')
            {
                pos++;
            }

            pos++;
        }

        if (pos == start)
        {
            return null;
        }

        var text = s[start..pos];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)
            ? v
            : throw new FormatException($"'{text}' at position {start + 1} of formula '{s}' is not an amount");
    }

    private static void Add(List<KeyValuePair<string, double>> amounts, string element, double amount)
    {
        for (var i = 0; i < amounts.Count; i++)
        {
            if (amounts[i].Key == element)
            {
                amounts[i] = new(element, amounts[i].Value + amount);
                return;
            }
        }

        amounts.Add(new(element, amount));
    }
}
