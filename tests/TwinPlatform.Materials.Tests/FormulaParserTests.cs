using TwinPlatform.Materials.Chemistry;

namespace TwinPlatform.Materials.Tests;

public sealed class FormulaParserTests
{
    [Fact]
    public void Parse_MatbenchFormula_GivesNormalisedFractionsInOrder()
    {
        var f = FormulaParser.Parse("Fe0.620C0.000953Mn0.000521Si0.00102Cr0.000110Ni0.192Mo0.0176V0.000112Nb0.0000616Co0.146Al0.00318Ti0.0185");

        Assert.Equal(12, f.Count);
        Assert.Equal("Fe", f[0].Key);
        Assert.Equal(1.0, f.Sum(p => p.Value), 12);
        Assert.Equal(0.620 / 1.0000576, f[0].Value, 6);
        Assert.Equal("Ti", f[^1].Key);
    }

    [Fact]
    public void Parse_SpacedMpeaFormula_NormalisesAmounts()
    {
        var f = FormulaParser.Parse("Al0.25 Co1 Fe1 Ni1");

        Assert.Equal(["Al", "Co", "Fe", "Ni"], f.Select(p => p.Key));
        Assert.Equal(0.25 / 3.25, f[0].Value, 12);
        Assert.Equal(1 / 3.25, f[3].Value, 12);
    }

    [Fact]
    public void Parse_ImpliedAmountsAndGroups_Expand()
    {
        Assert.Equal(0.2, FormulaParser.Parse("AlCoCrFeNi").Single(p => p.Key == "Cr").Value, 12);

        var grouped = FormulaParser.Parse("(CoCrFeNi)90Al10");

        Assert.Equal(0.225, grouped.Single(p => p.Key == "Co").Value, 12);
        Assert.Equal(0.10, grouped.Single(p => p.Key == "Al").Value, 12);
    }

    [Fact]
    public void Parse_RepeatedElement_IsSummed() =>
        Assert.Equal(0.5, FormulaParser.Parse("Fe1 Ni1 Fe0").Single(p => p.Key == "Fe").Value, 12);

    [Theory]
    [InlineData("Fe0.5Xx0.5", "'Xx' at position 6")]
    [InlineData("Fe0.5 ni0.5", "position 7")]
    [InlineData("(CoNi", "missing ')'")]
    [InlineData("Fe0", "no positive amounts")]
    public void Parse_BadFormula_ThrowsNamingThePlace(string formula, string expected)
    {
        var e = Assert.Throws<FormatException>(() => FormulaParser.Parse(formula));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
