using System.Globalization;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Materials.Design;

/// <summary>A goal on a predicted property: <c>fatigue_strength &gt;= 600 MPa</c>.</summary>
/// <param name="Property">The property.</param>
/// <param name="Direction">At least or at most.</param>
/// <param name="Threshold">The threshold (SI).</param>
/// <param name="Text">The goal as written.</param>
public sealed record DesignGoal(string Property, GoalDirection Direction, Quantity Threshold, string Text)
{
    /// <summary>Parses <c>property &gt;= value unit</c> or <c>property &lt;= value unit</c>.</summary>
    /// <exception cref="FormatException">Malformed goal or unit.</exception>
    public static DesignGoal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (op, at) = text.Contains(">=", StringComparison.Ordinal) ? (">=", text.IndexOf(">=", StringComparison.Ordinal))
            : text.Contains("<=", StringComparison.Ordinal) ? ("<=", text.IndexOf("<=", StringComparison.Ordinal))
            : throw new FormatException($"goal '{text}' is not 'property >= value unit' or 'property <= value unit'");
        var property = text[..at].Trim();
        var value = text[(at + 2)..].Trim();
        if (property.Length == 0)
        {
            throw new FormatException($"goal '{text}' names no property");
        }

        Quantity q;
        try
        {
            q = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare)
                ? new Quantity(bare, Dimension.Dimensionless)
                : Quantity.Parse(value);
        }
        catch (UnitException e)
        {
            throw new FormatException($"goal '{text}': {e.Message}", e);
        }

        return new DesignGoal(property, op == ">=" ? GoalDirection.AtLeast : GoalDirection.AtMost, q, text.Trim());
    }

    /// <summary>The threshold in a property's unit (a bare number is taken to be in that unit already).</summary>
    public double ThresholdIn(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Threshold.Dimension == unit.Dimension ? Threshold.In(unit)
            : Threshold.Dimension.IsDimensionless ? Threshold.ValueSI
            : throw new FormatException($"goal '{Text}': the threshold is a {Threshold.Dimension.Name}, the property is in {unit.Symbol}");
    }
}
