using System.Text;

namespace TwinPlatform.Core.Units;

/// <summary>
/// The physical dimension of a quantity as integer exponents of the SI base dimensions
/// mass (M), length (L), time (T), thermodynamic temperature (Θ) and electric current (I).
/// </summary>
/// <param name="M">Exponent of mass.</param>
/// <param name="L">Exponent of length.</param>
/// <param name="T">Exponent of time.</param>
/// <param name="Theta">Exponent of thermodynamic temperature.</param>
/// <param name="I">Exponent of electric current.</param>
public readonly record struct Dimension(sbyte M, sbyte L, sbyte T, sbyte Theta, sbyte I)
{
    /// <summary>A pure number: strain, fractions, ratios.</summary>
    public static readonly Dimension Dimensionless = new(0, 0, 0, 0, 0);

    /// <summary>Length, m.</summary>
    public static readonly Dimension Length = new(0, 1, 0, 0, 0);

    /// <summary>Mass, kg.</summary>
    public static readonly Dimension Mass = new(1, 0, 0, 0, 0);

    /// <summary>Time, s.</summary>
    public static readonly Dimension Time = new(0, 0, 1, 0, 0);

    /// <summary>Thermodynamic temperature, K.</summary>
    public static readonly Dimension Temperature = new(0, 0, 0, 1, 0);

    /// <summary>Force, N = kg m s^-2.</summary>
    public static readonly Dimension Force = new(1, 1, -2, 0, 0);

    /// <summary>Pressure and stress, Pa = kg m^-1 s^-2.</summary>
    public static readonly Dimension Pressure = new(1, -1, -2, 0, 0);

    /// <summary>Energy, J = kg m^2 s^-2.</summary>
    public static readonly Dimension Energy = new(1, 2, -2, 0, 0);

    /// <summary>Power, W = kg m^2 s^-3.</summary>
    public static readonly Dimension Power = new(1, 2, -3, 0, 0);

    /// <summary>Frequency, Hz = s^-1.</summary>
    public static readonly Dimension Frequency = new(0, 0, -1, 0, 0);

    /// <summary>Mass density, kg m^-3.</summary>
    public static readonly Dimension Density = new(1, -3, 0, 0, 0);

    /// <summary>Area, m^2.</summary>
    public static readonly Dimension Area = new(0, 2, 0, 0, 0);

    /// <summary>Second moment of area, m^4.</summary>
    public static readonly Dimension SecondMomentOfArea = new(0, 4, 0, 0, 0);

    /// <summary>Velocity, m s^-1.</summary>
    public static readonly Dimension Velocity = new(0, 1, -1, 0, 0);

    /// <summary>Acceleration, m s^-2.</summary>
    public static readonly Dimension Acceleration = new(0, 1, -2, 0, 0);

    /// <summary>Force per length (line load, stiffness), N m^-1.</summary>
    public static readonly Dimension ForcePerLength = new(1, 0, -2, 0, 0);

    /// <summary>Thermal conductivity, W m^-1 K^-1.</summary>
    public static readonly Dimension ThermalConductivity = new(1, 1, -3, -1, 0);

    /// <summary>Specific heat capacity, J kg^-1 K^-1.</summary>
    public static readonly Dimension SpecificHeat = new(0, 2, -2, -1, 0);

    /// <summary>Coefficient of thermal expansion, K^-1.</summary>
    public static readonly Dimension ThermalExpansion = new(0, 0, 0, -1, 0);

    /// <summary>Heat transfer (film) coefficient, W m^-2 K^-1.</summary>
    public static readonly Dimension HeatTransferCoefficient = new(1, 0, -3, -1, 0);

    /// <summary>Heat flux, W m^-2.</summary>
    public static readonly Dimension HeatFlux = new(1, 0, -3, 0, 0);

    /// <summary>True for a pure number.</summary>
    public bool IsDimensionless => this == Dimensionless;

    /// <summary>Product of two dimensions (exponents add).</summary>
    public static Dimension operator *(Dimension a, Dimension b) => new(
        (sbyte)(a.M + b.M), (sbyte)(a.L + b.L), (sbyte)(a.T + b.T),
        (sbyte)(a.Theta + b.Theta), (sbyte)(a.I + b.I));

    /// <summary>Quotient of two dimensions (exponents subtract).</summary>
    public static Dimension operator /(Dimension a, Dimension b) => a * b.Pow(-1);

    /// <summary>The dimension raised to an integer power.</summary>
    public Dimension Pow(int power) => new(
        (sbyte)(M * power), (sbyte)(L * power), (sbyte)(T * power),
        (sbyte)(Theta * power), (sbyte)(I * power));

    /// <summary>A human name where one is known ("pressure", "length"), else the exponent form.</summary>
    public string Name => KnownName() ?? ToString();

    /// <summary>Exponent form, for example <c>M L^-1 T^-2</c>; "1" for a pure number.</summary>
    public override string ToString()
    {
        if (IsDimensionless)
        {
            return "1";
        }

        var sb = new StringBuilder();
        Append(sb, "M", M);
        Append(sb, "L", L);
        Append(sb, "T", T);
        Append(sb, "Θ", Theta);
        Append(sb, "I", I);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string symbol, sbyte exponent)
    {
        if (exponent == 0)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(symbol);
        if (exponent != 1)
        {
            sb.Append('^').Append(exponent);
        }
    }

    private string? KnownName()
    {
        if (this == Dimensionless) { return "dimensionless"; }
        if (this == Length) { return "length"; }
        if (this == Mass) { return "mass"; }
        if (this == Time) { return "time"; }
        if (this == Temperature) { return "temperature"; }
        if (this == Force) { return "force"; }
        if (this == Pressure) { return "pressure/stress"; }
        if (this == Energy) { return "energy"; }
        if (this == Power) { return "power"; }
        if (this == Frequency) { return "frequency"; }
        if (this == Density) { return "density"; }
        if (this == Area) { return "area"; }
        if (this == SecondMomentOfArea) { return "second moment of area"; }
        if (this == Velocity) { return "velocity"; }
        if (this == Acceleration) { return "acceleration"; }
        if (this == ForcePerLength) { return "force per length"; }
        if (this == ThermalConductivity) { return "thermal conductivity"; }
        if (this == SpecificHeat) { return "specific heat"; }
        if (this == ThermalExpansion) { return "thermal expansion coefficient"; }
        if (this == HeatTransferCoefficient) { return "heat transfer coefficient"; }
        if (this == HeatFlux) { return "heat flux"; }
        return null;
    }
}
