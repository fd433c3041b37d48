using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Prognostics.Evaluation;

namespace TwinPlatform.Prognostics.Tests;

public sealed class Phm08ScoreTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-13.0, 1.718281828459045)]
    [InlineData(10.0, 1.718281828459045)]
    [InlineData(-26.0, 6.38905609893065)]
    [InlineData(20.0, 6.38905609893065)]
    public void Of_Error_FollowsTheAsymmetricExponential(double d, double expected) =>
        Assert.Equal(expected, Phm08Score.Of(d), 12);

    [Fact]
    public void Of_LateCostsMoreThanEarly() => Assert.True(Phm08Score.Of(15) > Phm08Score.Of(-15));

    [Fact]
    public void FleetEvaluator_CapsTruthAndSumsScores()
    {
        var e = new FleetEvaluator(125);
        e.Add(new UncertainValue(120, 0, 100, 125, 0.9), 140);  // truth capped to 125: d = -5, covered
        e.Add(new UncertainValue(30, 0, 25, 35, 0.9), 20);      // d = +10, not covered
        var m = e.Result();
        Assert.Equal(2, m.Count);
        Assert.Equal(Math.Sqrt(((5.0 * 5.0) + (10.0 * 10.0)) / 2.0), m.Rmse, 12);
        Assert.Equal(Math.Exp(5.0 / 13.0) - 1 + (Math.Exp(1.0) - 1), m.Phm08Score, 12);
        Assert.Equal(0.5, m.Coverage);
        Assert.Equal(2.5, m.Bias, 12);
        Assert.Equal((25.0 + 10.0) / 2.0, m.MeanIntervalWidth, 12);
    }
}
