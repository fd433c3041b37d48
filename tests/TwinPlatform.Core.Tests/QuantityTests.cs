using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Tests;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("210 GPa", 210e9)]
    [InlineData("210GPa", 210e9)]
    [InlineData("-5.38 MPa", -5.38e6)]
    [InlineData("1.5e3 kPa", 1.5e6)]
    [InlineData("100 ksi", 689_475_729.3)]
    [InlineData("1 psi", 6894.757293)]
    [InlineData("30 Msi", 206_842_718_795.3)]
    [InlineData("1 N/mm^2", 1e6)]
    [InlineData("1 N/mm2", 1e6)]
    [InlineData("1 kN/m^2", 1e3)]
    public void Parse_Pressure_ConvertsToPascal(string text, double expectedPa)
    {
        var q = Quantity.Parse(text, Dimension.Pressure);
        Assert.Equal(expectedPa, q.ValueSI, (Math.Abs(expectedPa) * 1e-9) + 1e-12);
    }

    [Theory]
    [InlineData("20 degC", 293.15)]
    [InlineData("-40 degC", 233.15)]
    [InlineData("-40 degF", 233.15)]
    [InlineData("212 degF", 373.15)]
    [InlineData("300 K", 300.0)]
    [InlineData("600 °C", 873.15)]
    public void Parse_Temperature_ConvertsToKelvinWithOffset(string text, double expectedK)
    {
        Assert.Equal(expectedK, Quantity.Parse(text, Dimension.Temperature).ValueSI, 1e-9);
    }

    [Theory]
    [InlineData("12 mm", 0.012)]
    [InlineData("3 m", 3.0)]
    [InlineData("2 in", 0.0508)]
    [InlineData("25 um", 25e-6)]
    public void Parse_Length_ConvertsToMetre(string text, double expectedM)
    {
        Assert.Equal(expectedM, Quantity.Parse(text, Dimension.Length).ValueSI, 1e-12);
    }

    [Theory]
    [InlineData("850 microstrain", 850e-6)]
    [InlineData("850 ue", 850e-6)]
    [InlineData("0.41 wt%", 0.0041)]
    [InlineData("0.002", 0.002)]
    public void Parse_Dimensionless_AcceptsStrainAndFractions(string text, double expected)
    {
        Assert.Equal(expected, Quantity.Parse(text, Dimension.Dimensionless).ValueSI, 1e-15);
    }

    [Fact]
    public void Parse_CompoundUnits_HaveTheRightDimension()
    {
        Assert.Equal(Dimension.Density, Quantity.Parse("7.85 g/cm^3").Dimension);
        Assert.Equal(7850.0, Quantity.Parse("7.85 g/cm^3").ValueSI, 1e-9);
        Assert.Equal(Dimension.ThermalConductivity, Quantity.Parse("42 W/(m*K)").Dimension);
        Assert.Equal(Dimension.ThermalExpansion, Quantity.Parse("12e-6 1/degC").Dimension);
        Assert.Equal(12e-6, Quantity.Parse("12e-6 1/degC").ValueSI, 1e-18);
        Assert.Equal(Dimension.SecondMomentOfArea, Quantity.Parse("8356 cm^4").Dimension);
    }

    [Fact]
    public void Parse_WrongDimension_ThrowsNamingBoth()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("12 mm", Dimension.Pressure));
        Assert.Contains("'12 mm' is a length", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected a pressure/stress", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownUnit_ThrowsNamingTheSymbol()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("12 furlongs"));
        Assert.Contains("unknown unit 'furlongs'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingUnitForDimensionedQuantity_Throws()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("210", Dimension.Pressure));
        Assert.Contains("has no unit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoNumber_Throws()
    {
        Assert.Throws<UnitException>(() => Quantity.Parse("GPa"));
    }

    [Fact]
    public void In_ConvertsBack_RoundTrips()
    {
        var q = Quantity.Parse("1030 MPa");
        Assert.Equal(149.389, q.In("ksi"), 1e-3);
        Assert.Equal(1030.0, q.In("MPa"), 1e-9);
        Assert.Equal("1030 MPa", q.ToString("MPa"));
        Assert.Equal(600.0, Quantity.Parse("873.15 K").In("degC"), 1e-9);
    }

    [Fact]
    public void In_WrongDimension_Throws()
    {
        Assert.Throws<UnitException>(() => Quantity.Parse("1 m").In("MPa"));
    }

    [Fact]
    public void Arithmetic_CombinesDimensions()
    {
        var force = Quantity.Parse("10 kN");
        var area = Quantity.Parse("100 mm^2");
        var stress = force / area;
        Assert.Equal(Dimension.Pressure, stress.Dimension);
        Assert.Equal(100.0, stress.In("MPa"), 1e-9);
        Assert.Throws<UnitException>(() => force + area);
    }
}
