using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Core.Tests;

public sealed class UncertainValueTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.99999, 4.264890793922602)]
    public void Quantile_MatchesTabulatedValues(double p, double z)
    {
        // Reference values: R qnorm(p), 16 digits; tolerance covers the erfc approximation (1.2e-7).
        Assert.Equal(z, NormalDistribution.Quantile(p), 1e-6);
    }

    [Fact]
    public void Normal_NinetyPercent_UsesZ1645()
    {
        var v = UncertainValue.Normal(100, 10, 0.90);
        Assert.Equal(100 - 16.448536, v.Lower, 1e-4);
        Assert.Equal(100 + 16.448536, v.Upper, 1e-4);
        Assert.True(v.Contains(115));
        Assert.False(v.Contains(117));
    }

    [Fact]
    public void FromSamples_GivesMeanSdAndEmpiricalInterval()
    {
        var samples = new double[101];
        for (var i = 0; i <= 100; i++)
        {
            samples[i] = i;
        }

        var v = UncertainValue.FromSamples(samples, 0.90);
        Assert.Equal(50.0, v.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(858.5), v.StandardDeviation, 1e-9);
        Assert.Equal(5.0, v.Lower, 1e-12);
        Assert.Equal(95.0, v.Upper, 1e-12);
    }

    [Fact]
    public void Reciprocal_MapsIntervalAndFirstOrderSd()
    {
        var v = UncertainValue.Normal(200, 4, 0.90).Reciprocal();
        Assert.Equal(1.0 / 200, v.Mean, 1e-15);
        Assert.Equal(4.0 / (200.0 * 200.0), v.StandardDeviation, 1e-15);
        Assert.True(v.Lower < v.Mean && v.Mean < v.Upper);
    }

    [Fact]
    public void Scale_Negative_SwapsInterval()
    {
        var v = UncertainValue.Normal(10, 1).Scale(-2);
        Assert.Equal(-20, v.Mean);
        Assert.Equal(2, v.StandardDeviation);
        Assert.True(v.Lower < v.Upper);
    }
}
