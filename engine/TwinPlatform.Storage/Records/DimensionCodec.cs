using System.Globalization;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Storage.Records;

/// <summary>Writes a dimension as its exponents <c>M,L,T,Theta,I</c> (<c>1,-1,-2,0,0</c> for a stress) and reads it back.</summary>
public static class DimensionCodec
{
    /// <summary>The exponent code of a dimension.</summary>
    public static string ToCode(Dimension d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.M},{d.L},{d.T},{d.Theta},{d.I}");

    /// <summary>Parses an exponent code.</summary>
    /// <exception cref="FormatException">Not five comma-separated integers.</exception>
    public static Dimension FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parts = code.Split(',');
        if (parts.Length != 5)
        {
            throw new FormatException($"a dimension code has five exponents (M,L,T,Theta,I), found '{code}'");
        }

        var e = new sbyte[5];
        for (var i = 0; i < 5; i++)
        {
            if (!sbyte.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out e[i]))
            {
                throw new FormatException($"'{parts[i]}' in dimension code '{code}' is not an integer exponent");
            }
        }

        return new Dimension(e[0], e[1], e[2], e[3], e[4]);
    }

    /// <summary>The SI unit symbol of a dimension for display (<c>Pa</c>, <c>K</c>, <c>1</c>), or the exponent code.</summary>
    public static string SiSymbol(Dimension d)
    {
        if (d == Dimension.Pressure) { return "Pa"; }
        if (d == Dimension.Temperature) { return "K"; }
        if (d == Dimension.Dimensionless) { return "1"; }
        if (d == Dimension.Length) { return "m"; }
        if (d == Dimension.Time) { return "s"; }
        if (d == Dimension.Mass) { return "kg"; }
        if (d == Dimension.Density) { return "kg/m^3"; }
        if (d == Dimension.Energy) { return "J"; }
        if (d == Dimension.Force) { return "N"; }
        return ToCode(d);
    }
}
