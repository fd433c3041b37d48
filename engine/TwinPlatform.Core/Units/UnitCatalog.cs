using System.Collections.Frozen;

namespace TwinPlatform.Core.Units;

/// <summary>
/// The units the engine reads and prints, by symbol. Symbols are case sensitive
/// (<c>mm</c> is not <c>Mm</c>); a few spelled-out aliases are accepted.
/// </summary>
public static class UnitCatalog
{
    private const double Inch = 0.0254;
    private const double PoundForce = 4.4482216152605;        // NIST SP 811, exact from lb and g_n
    private const double Psi = PoundForce / (Inch * Inch);     // 6894.757 Pa
    private const double StandardGravity = 9.80665;

    private static readonly FrozenDictionary<string, Unit> Units = Build();

    /// <summary>A short list for error messages.</summary>
    internal const string Examples = "Pa kPa MPa GPa psi ksi N kN lbf m mm um in K degC degF s h Hz kg g/cm^3 microstrain %";

    /// <summary>Looks a single unit symbol up; false if unknown.</summary>
    public static bool TryGet(string symbol, out Unit unit) => Units.TryGetValue(symbol, out unit!);

    /// <summary>Every symbol known, sorted.</summary>
    public static IReadOnlyList<string> Symbols => [.. Units.Keys.Order(StringComparer.Ordinal)];

    /// <summary>An example unit of a given dimension for error messages.</summary>
    internal static string ExampleFor(Dimension dimension)
    {
        if (dimension == Dimension.Pressure) { return "'MPa'"; }
        if (dimension == Dimension.Length) { return "'mm'"; }
        if (dimension == Dimension.Force) { return "'kN'"; }
        if (dimension == Dimension.Temperature) { return "'degC'"; }
        if (dimension == Dimension.Dimensionless) { return "'microstrain'"; }
        if (dimension == Dimension.Time) { return "'s'"; }
        foreach (var unit in Units.Values)
        {
            if (unit.Dimension == dimension)
            {
                return $"'{unit.Symbol}'";
            }
        }

        return $"a unit of {dimension}";
    }

    private static FrozenDictionary<string, Unit> Build()
    {
        var d = new Dictionary<string, Unit>(StringComparer.Ordinal);
        void Add(Unit u, params string[] aliases)
        {
            d.Add(u.Symbol, u);
            foreach (var a in aliases)
            {
                d.Add(a, u with { Symbol = a });
            }
        }

        // Length
        Add(new("m", Dimension.Length, 1.0), "meter", "metre");
        Add(new("km", Dimension.Length, 1e3));
        Add(new("cm", Dimension.Length, 1e-2));
        Add(new("mm", Dimension.Length, 1e-3));
        Add(new("um", Dimension.Length, 1e-6), "µm", "μm");
        Add(new("nm", Dimension.Length, 1e-9));
        Add(new("in", Dimension.Length, Inch), "inch");
        Add(new("ft", Dimension.Length, 0.3048));

        // Mass
        Add(new("kg", Dimension.Mass, 1.0));
        Add(new("g", Dimension.Mass, 1e-3));
        Add(new("t", Dimension.Mass, 1e3), "tonne");
        Add(new("lb", Dimension.Mass, 0.45359237));

        // Time
        Add(new("s", Dimension.Time, 1.0));
        Add(new("ms", Dimension.Time, 1e-3));
        Add(new("us", Dimension.Time, 1e-6));
        Add(new("min", Dimension.Time, 60.0));
        Add(new("h", Dimension.Time, 3600.0));
        Add(new("d", Dimension.Time, 86400.0));

        // Temperature: absolute units; in compounds they measure differences.
        Add(new("K", Dimension.Temperature, 1.0));
        Add(new("degC", Dimension.Temperature, 1.0, 273.15), "°C", "C_deg");
        Add(new("degF", Dimension.Temperature, 5.0 / 9.0, 273.15 - (32.0 * 5.0 / 9.0)), "°F");

        // Force
        Add(new("N", Dimension.Force, 1.0));
        Add(new("kN", Dimension.Force, 1e3));
        Add(new("MN", Dimension.Force, 1e6));
        Add(new("lbf", Dimension.Force, PoundForce));
        Add(new("kip", Dimension.Force, 1e3 * PoundForce));
        Add(new("kgf", Dimension.Force, StandardGravity));

        // Pressure and stress
        Add(new("Pa", Dimension.Pressure, 1.0));
        Add(new("kPa", Dimension.Pressure, 1e3));
        Add(new("MPa", Dimension.Pressure, 1e6));
        Add(new("GPa", Dimension.Pressure, 1e9));
        Add(new("bar", Dimension.Pressure, 1e5));
        Add(new("psi", Dimension.Pressure, Psi));
        Add(new("ksi", Dimension.Pressure, 1e3 * Psi));
        Add(new("Msi", Dimension.Pressure, 1e6 * Psi));

        // Energy, power, frequency
        Add(new("J", Dimension.Energy, 1.0));
        Add(new("kJ", Dimension.Energy, 1e3));
        Add(new("W", Dimension.Power, 1.0));
        Add(new("kW", Dimension.Power, 1e3));
        Add(new("Hz", Dimension.Frequency, 1.0));
        Add(new("kHz", Dimension.Frequency, 1e3));
        Add(new("rpm", Dimension.Frequency, 1.0 / 60.0));

        // Pure numbers: strain and fractions
        Add(new("1", Dimension.Dimensionless, 1.0), "strain", "fraction");
        Add(new("%", Dimension.Dimensionless, 1e-2), "percent", "wt%", "at%", "vol%");
        Add(new("ppm", Dimension.Dimensionless, 1e-6), "wppm");
        Add(new("microstrain", Dimension.Dimensionless, 1e-6), "ue", "µε", "με", "ustrain");
        Add(new("rad", Dimension.Dimensionless, 1.0));
        Add(new("deg", Dimension.Dimensionless, Math.PI / 180.0));
        Add(new("cycles", Dimension.Dimensionless, 1.0), "cycle");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
