using System.Globalization;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// Something to minimise or maximise: a linear combination of design variables (<c>Cr + Mo + Ni</c>,
/// <c>2*C - Mn</c>) or a property's predicted mean (<c>fatigue_strength</c>).
/// </summary>
/// <param name="Maximise">True to maximise, false to minimise.</param>
/// <param name="Terms">Coefficient and name of each term (a variable or a property).</param>
/// <param name="Text">The expression as written.</param>
public sealed record DesignObjective(bool Maximise, IReadOnlyList<(double Coefficient, string Name)> Terms, string Text)
{
    /// <summary>Parses an expression of terms <c>[coefficient*]name</c> joined by <c>+</c> or <c>-</c>.</summary>
    /// <exception cref="FormatException">Malformed expression.</exception>
    public static DesignObjective Parse(string expression, bool maximise)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var terms = new List<(double, string)>();
        var text = expression.Replace(" ", string.Empty, StringComparison.Ordinal);
        var pos = 0;
        while (pos < text.Length)
        {
            var sign = 1.0;
            if (text[pos] is '+' or '-')
            {
                sign = text[pos] == '-' ? -1 : 1;
                pos++;
            }

            var end = pos;
            while (end < text.Length && text[end] is not ('+' or '-'))
            {
                end++;
            }

            var term = text[pos..end];
            if (term.Length == 0)
            {
                throw new FormatException($"empty term in '{expression}'");
            }

            var star = term.IndexOf('*', StringComparison.Ordinal);
            var coefficient = 1.0;
            if (star >= 0 && !double.TryParse(term[..star], NumberStyles.Float, CultureInfo.InvariantCulture, out coefficient))
            {
                throw new FormatException($"'{term[..star]}' in '{expression}' is not a number");
            }

            terms.Add((sign * coefficient, star >= 0 ? term[(star + 1)..] : term));
            pos = end;
        }

        return terms.Count == 0 ? throw new FormatException("an empty objective") : new DesignObjective(maximise, terms, expression.Trim());
    }

    /// <inheritdoc/>
    public override string ToString() => $"{(Maximise ? "maximise" : "minimise")} {Text}";
}
