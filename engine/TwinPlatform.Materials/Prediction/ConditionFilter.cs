using System.Globalization;
using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Keeps rows whose property has a test condition in a range or equal to a text:
/// <c>test_temperature=15..30 degC</c>, <c>test_temperature&lt;=30 degC</c>, <c>test_type=tension</c>.
/// A row without the condition is left out.
/// </summary>
/// <param name="Name">The condition name.</param>
/// <param name="Minimum">Lowest value kept (SI), or null.</param>
/// <param name="Maximum">Highest value kept (SI), or null.</param>
/// <param name="Text">The text kept, or null for a numeric filter.</param>
public sealed partial record ConditionFilter(string Name, double? Minimum, double? Maximum, string? Text)
{
    /// <summary>True if the property's condition passes the filter.</summary>
    public bool Accepts(PropertyRecord property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var c = property.Condition(Name);
        if (c is null)
        {
            return false;
        }

        if (Text is not null)
        {
            return c.Text == Text;
        }

        return c.Quantity is { } q && (Minimum is null || q.ValueSI >= Minimum - 1e-9) && (Maximum is null || q.ValueSI <= Maximum + 1e-9);
    }

    /// <summary>Parses <c>name=lo..hi unit</c>, <c>name&gt;=v unit</c>, <c>name&lt;=v unit</c>, <c>name=v unit</c> or <c>name=text</c>.</summary>
    /// <exception cref="FormatException">Malformed filter or unit.</exception>
    public static ConditionFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string name, rest;
        var op = "=";
        var i = text.IndexOfAny(['=', '<', '>']);
        if (i <= 0)
        {
            throw new FormatException($"'{text}' is not 'name=value', 'name=lo..hi unit', 'name<=value' or 'name>=value'");
        }

        name = text[..i].Trim();
        if (text[i] is '<' or '>')
        {
            op = i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : text[i].ToString();
        }

        rest = text[(i + op.Length)..].Trim();
        var range = rest.IndexOf("..", StringComparison.Ordinal);
        if (op == "=" && range > 0)
        {
            // "15..30 degC": the unit after the upper bound applies to a bare lower bound too.
            var upperText = rest[(range + 2)..].Trim();
            var lowerText = rest[..range].Trim();
            if (!TryQuantity(upperText, out var upper))
            {
                throw new FormatException($"'{upperText}' in '{text}' is not a number with a unit");
            }

            Quantity lower;
            if (double.TryParse(lowerText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo))
            {
                var unitText = LeadingNumber().Replace(upperText, string.Empty);
                lower = unitText.Length == 0 ? new Quantity(lo, Dimension.Dimensionless) : Quantity.From(lo, unitText);
            }
            else if (!TryQuantity(lowerText, out lower))
            {
                throw new FormatException($"'{lowerText}' in '{text}' is not a number with a unit");
            }

            return new ConditionFilter(name, lower.ValueSI, upper.ValueSI, null);
        }

        if (TryQuantity(rest, out var q))
        {
            return op switch
            {
                "<=" or "<" => new ConditionFilter(name, null, q.ValueSI, null),
                ">=" or ">" => new ConditionFilter(name, q.ValueSI, null, null),
                _ => new ConditionFilter(name, q.ValueSI, q.ValueSI, null),
            };
        }

        return op == "=" ? new ConditionFilter(name, null, null, rest) : throw new FormatException($"'{rest}' in '{text}' is not a number with a unit");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-+]?[0-9.]+([eE][-+]?[0-9]+)?\s*")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    private static bool TryQuantity(string text, out Quantity q)
    {
        try
        {
            q = Quantity.Parse(text);
            return true;
        }
        catch (UnitException)
        {
            q = default;
            return false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text is not null
        ? $"{Name}={Text}"
        : string.Create(CultureInfo.InvariantCulture, $"{Name} in [{Minimum?.ToString("G6", CultureInfo.InvariantCulture) ?? "-inf"}, {Maximum?.ToString("G6", CultureInfo.InvariantCulture) ?? "inf"}] (SI)");
}
