using System.Globalization;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// A bound on a design variable: <c>tempering_temperature=550..650 degC</c>, <c>C&lt;=0.45 wt%</c>,
/// <c>reduction_ratio=530</c> (fixed). A bare number is in the variable's own unit.
/// </summary>
/// <param name="Variable">The variable name (feature name, element symbol, or step.set-point).</param>
/// <param name="Minimum">Lower bound as written (value and unit, unit null for the variable's unit), or null.</param>
/// <param name="Maximum">Upper bound as written, or null.</param>
/// <param name="Text">The limit as written.</param>
public sealed record DesignLimit(string Variable, (double Value, string? Unit)? Minimum, (double Value, string? Unit)? Maximum, string Text)
{
    /// <summary>Parses <c>name=lo..hi [unit]</c>, <c>name=value [unit]</c>, <c>name&lt;=value [unit]</c> or <c>name&gt;=value [unit]</c>.</summary>
    /// <exception cref="FormatException">Malformed limit.</exception>
    public static DesignLimit Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = text.IndexOfAny(['=', '<', '>']);
        if (i <= 0)
        {
            throw new FormatException($"limit '{text}' is not 'name=lo..hi unit', 'name<=value unit', 'name>=value unit' or 'name=value unit'");
        }

        var name = text[..i].Trim();
        var op = text[i] is '<' or '>' ? (i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : text[i].ToString()) : "=";
        var rest = text[(i + op.Length)..].Trim();
        var range = rest.IndexOf("..", StringComparison.Ordinal);
        if (op == "=" && range > 0)
        {
            var hi = Split(rest[(range + 2)..], text);
            var lo = Split(rest[..range], text);
            return new DesignLimit(name, (lo.Value, lo.Unit ?? hi.Unit), hi, text.Trim());
        }

        var v = Split(rest, text);
        return op switch
        {
            "<=" or "<" => new DesignLimit(name, null, v, text.Trim()),
            ">=" or ">" => new DesignLimit(name, v, null, text.Trim()),
            _ => new DesignLimit(name, v, v, text.Trim()),
        };
    }

    /// <summary>A bound converted to a variable's unit.</summary>
    /// <exception cref="FormatException">The bound's unit has another dimension.</exception>
    public static double Convert((double Value, string? Unit) bound, string variableUnit)
    {
        if (bound.Unit is null)
        {
            return bound.Value;
        }

        try
        {
            var target = Core.Units.Unit.Parse(variableUnit);
            var q = Quantity.From(bound.Value, bound.Unit);
            return q.In(target);
        }
        catch (UnitException e)
        {
            throw new FormatException($"a bound in {bound.Unit} does not fit a variable in {variableUnit}: {e.Message}", e);
        }
    }

    private static (double Value, string? Unit) Split(string text, string whole)
    {
        var t = text.Trim();
        var end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] is '.' or '-' or '+' || ((t[end] is 'e' or 'E') && end > 0 && end + 1 < t.Length && (char.IsAsciiDigit(t[end + 1]) || t[end + 1] == '-'))))
        {
            end++;
        }

        if (!double.TryParse(t[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{t}' in limit '{whole}' is not a number");
        }

        var unit = t[end..].Trim();
        return (value, unit.Length == 0 ? null : unit);
    }
}
