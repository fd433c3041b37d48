namespace TwinPlatform.Core.Units;

/// <summary>
/// A unit of measure: a value <c>v</c> in this unit is <c>v * Scale + Offset</c> in SI.
/// </summary>
/// <remarks>
/// Only absolute temperature units (degC, degF) carry an offset. Inside a compound unit
/// (for example <c>1/degC</c>) the offset is dropped: the unit then measures a difference.
/// </remarks>
/// <param name="Symbol">The symbol as written, for example <c>MPa</c>.</param>
/// <param name="Dimension">The physical dimension.</param>
/// <param name="Scale">Multiplier to SI.</param>
/// <param name="Offset">Added after scaling to reach SI (absolute temperatures only).</param>
public sealed record Unit(string Symbol, Dimension Dimension, double Scale, double Offset = 0.0)
{
    /// <summary>Converts a value in this unit to SI.</summary>
    public double ToSI(double value) => (value * Scale) + Offset;

    /// <summary>Converts an SI value to this unit.</summary>
    public double FromSI(double valueSI) => (valueSI - Offset) / Scale;

    /// <summary>Parses a unit expression such as <c>MPa</c>, <c>N/mm^2</c> or <c>W/(m*K)</c>.</summary>
    /// <exception cref="UnitException">The expression names an unknown unit or is malformed.</exception>
    public static Unit Parse(string expression) => UnitParser.ParseUnit(expression);

    /// <summary>Parses a unit expression and refuses it unless it has the expected dimension.</summary>
    /// <exception cref="UnitException">Unknown unit, or a dimension other than <paramref name="expected"/>.</exception>
    public static Unit Parse(string expression, Dimension expected)
    {
        var unit = UnitParser.ParseUnit(expression);
        if (unit.Dimension != expected)
        {
            throw UnitThrowHelper.WrongDimension(expression, unit.Dimension, expected);
        }

        return unit;
    }

    /// <inheritdoc/>
    public override string ToString() => Symbol;
}
