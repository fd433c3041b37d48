using TwinPlatform.Rendering.Overlay;

namespace TwinPlatform.Rendering.Tests;

public class LegendScaleTests
{
    [Theory]
    [InlineData(0.03, 0.025)]
    [InlineData(62.0, 50.0)]
    [InlineData(0.0011, 0.001)]
    [InlineData(1.8, 2.0)]
    [InlineData(7.5, 10.0)]
    public void NiceStep_RawStep_ClosestRoundStep(double raw, double expected) =>
        Assert.Equal(expected, LegendScale.NiceStep(raw), 12);

    [Fact]
    public void Create_StressRangeInMegapascal_RoundTicksInsideRange()
    {
        var scale = LegendScale.Create(0.53, 312.4, 5);
        Assert.Equal(["50", "100", "150", "200", "250", "300"], scale.TickLabels);
        Assert.All(scale.Ticks, t => Assert.InRange(t, 0.53, 312.4));
        Assert.Equal("0.53", scale.MinimumLabel);
        Assert.Equal("312.4", scale.MaximumLabel);
    }

    [Fact]
    public void Create_QuarterSteps_LabelsKeepEnoughDecimals()
    {
        var scale = LegendScale.Create(-0.075, 0.075, 5);
        Assert.Equal(["-0.075", "-0.050", "-0.025", "0.000", "0.025", "0.050", "0.075"], scale.TickLabels);
    }

    [Fact]
    public void Create_StressRangeInPascal_UsesSharedExponent()
    {
        var scale = LegendScale.Create(0, 3.124e8, 5);
        Assert.Contains("1.0e+08", scale.TickLabels);
        Assert.All(scale.TickLabels, l => Assert.EndsWith("e+08", l, StringComparison.Ordinal));
        Assert.Equal("3.124e+08", scale.MaximumLabel);
    }

    [Fact]
    public void Create_EmptyRange_HasNoTicks()
    {
        var scale = LegendScale.Create(5, 5, 5);
        Assert.Empty(scale.Ticks);
        Assert.Equal("5", scale.MinimumLabel);
    }
}
