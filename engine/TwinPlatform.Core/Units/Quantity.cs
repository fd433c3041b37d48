using System.Globalization;

namespace TwinPlatform.Core.Units;

/// <summary>
/// A physical quantity held in SI with its dimension. Parse at the edges, compute in SI,
/// print in whatever unit the reader wants.
/// </summary>
/// <param name="ValueSI">The value in coherent SI units (Pa, m, K, N, s, kg, 1).</param>
/// <param name="Dimension">The physical dimension.</param>
public readonly record struct Quantity(double ValueSI, Dimension Dimension)
{
    /// <summary>Creates a quantity from a value in the given unit.</summary>
    public static Quantity From(double value, Unit unit) => new(unit.ToSI(value), unit.Dimension);

    /// <summary>Creates a quantity from a value and a unit expression.</summary>
    public static Quantity From(double value, string unit) => From(value, Unit.Parse(unit));

    /// <summary>The value expressed in <paramref name="unit"/>.</summary>
    /// <exception cref="UnitException">The unit has another dimension.</exception>
    public double In(Unit unit)
    {
        if (unit.Dimension != Dimension)
        {
            throw UnitThrowHelper.WrongDimension(unit.Symbol, unit.Dimension, Dimension);
        }

        return unit.FromSI(ValueSI);
    }

    /// <summary>The value expressed in a unit given by its expression.</summary>
    public double In(string unit) => In(Unit.Parse(unit));

    /// <summary>
    /// Parses text such as <c>210 GPa</c>, <c>-5.38 MPa</c>, <c>20 degC</c> or <c>850 microstrain</c>.
    /// </summary>
    /// <exception cref="UnitException">No number, unknown unit, or a malformed expression.</exception>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!UnitParser.TrySplitNumber(text, out var number, out var unitText))
        {
            UnitThrowHelper.ThrowNoNumber(text);
        }

        return unitText.Length == 0
            ? new Quantity(number, Dimension.Dimensionless)
            : From(number, UnitParser.ParseUnit(unitText));
    }

    /// <summary>
    /// Parses text and refuses it unless it has the expected dimension. A bare number is accepted only
    /// for a dimensionless quantity.
    /// </summary>
    /// <exception cref="UnitException">Malformed text, or a wrong dimension named in the message.</exception>
    public static Quantity Parse(string text, Dimension expected)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!UnitParser.TrySplitNumber(text, out var number, out var unitText))
        {
            UnitThrowHelper.ThrowNoNumber(text);
        }

        if (unitText.Length == 0)
        {
            if (!expected.IsDimensionless)
            {
                UnitThrowHelper.ThrowMissingUnit(text, expected);
            }

            return new Quantity(number, Dimension.Dimensionless);
        }

        var unit = UnitParser.ParseUnit(unitText);
        if (unit.Dimension != expected)
        {
            throw UnitThrowHelper.WrongDimension(text, unit.Dimension, expected);
        }

        return From(number, unit);
    }

    /// <summary>Non-throwing parse with an expected dimension; the error text is returned on failure.</summary>
    public static bool TryParse(string text, Dimension expected, out Quantity quantity, out string? error)
    {
        try
        {
            quantity = Parse(text, expected);
            error = null;
            return true;
        }
        catch (UnitException e)
        {
            quantity = default;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Formats in the given unit, for example <c>210 GPa</c>.</summary>
    public string ToString(Unit unit, string format = "G6") =>
        In(unit).ToString(format, CultureInfo.InvariantCulture) + " " + unit.Symbol;

    /// <summary>Formats in the given unit expression.</summary>
    public string ToString(string unit, string format = "G6") => ToString(Unit.Parse(unit), format);

    /// <summary>Sum of two quantities of the same dimension.</summary>
    public static Quantity operator +(Quantity a, Quantity b)
    {
        RequireSame(a, b);
        return new(a.ValueSI + b.ValueSI, a.Dimension);
    }

    /// <summary>Difference of two quantities of the same dimension.</summary>
    public static Quantity operator -(Quantity a, Quantity b)
    {
        RequireSame(a, b);
        return new(a.ValueSI - b.ValueSI, a.Dimension);
    }

    /// <summary>Product; dimensions multiply.</summary>
    public static Quantity operator *(Quantity a, Quantity b) => new(a.ValueSI * b.ValueSI, a.Dimension * b.Dimension);

    /// <summary>Quotient; dimensions divide.</summary>
    public static Quantity operator /(Quantity a, Quantity b) => new(a.ValueSI / b.ValueSI, a.Dimension / b.Dimension);

    /// <summary>Scaling by a pure number.</summary>
    public static Quantity operator *(double k, Quantity a) => new(k * a.ValueSI, a.Dimension);

    /// <summary>SI value and dimension, for example <c>2.1E+11 [M L^-1 T^-2]</c>.</summary>
    public override string ToString() => ValueSI.ToString("G6", CultureInfo.InvariantCulture) + " [" + Dimension + "]";

    private static void RequireSame(Quantity a, Quantity b)
    {
        if (a.Dimension != b.Dimension)
        {
            throw new UnitException($"cannot add a {a.Dimension.Name} ({a.Dimension}) to a {b.Dimension.Name} ({b.Dimension})");
        }
    }
}
