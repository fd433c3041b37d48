using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Features;

namespace TwinPlatform.Prognostics.Tests;

public sealed class FeatureTests
{
    private static readonly FeatureWindowOptions Options = new() { WindowLength = 5, LongWindowLength = 8, FastSmoothingSpan = 3, SlowSmoothingSpan = 7, BaselineCycles = 4, Sensors = [8] };

    private static double[] Sensors(double s9)
    {
        var s = new double[CmapssColumns.SensorCount];
        s[8] = s9;
        return s;
    }

    [Fact]
    public void Update_LinearSeries_GivesExactMeanSlopeAndLast()
    {
        // y_k = 9000 + 0.5 k: window mean of the last 5 = value at k-2, slope 0.5, quadratic curvature 0.
        var layout = new FeatureLayout(Options);
        var state = new EngineFeatureState(layout);
        for (var k = 1; k <= 23; k++)
        {
            state.Update(k, Sensors(9000 + (0.5 * k)));
        }

        var f = state.Features;
        Assert.Equal(9000 + (0.5 * 21), f[layout.IndexOf(SensorStatistic.Mean, 0)], 9);
        Assert.Equal(0.5, f[layout.IndexOf(SensorStatistic.Slope, 0)], 9);
        Assert.Equal(0.5, f[layout.IndexOf(SensorStatistic.LongSlope, 0)], 9);
        Assert.Equal(9000 + (0.5 * 23), f[layout.IndexOf(SensorStatistic.Last, 0)], 9);
        Assert.Equal(9000 + (0.5 * 2.5), f[layout.IndexOf(SensorStatistic.Baseline, 0)], 9);
        Assert.Equal(9000 + (0.5 * 23), f[layout.IndexOf(SensorStatistic.QuadraticLevel, 0)], 7);
        Assert.Equal(0.0, f[layout.IndexOf(SensorStatistic.Curvature, 0)], 9);
        Assert.Equal(23, f[layout.CycleIndex]);
    }

    [Fact]
    public void Update_QuadraticSeries_RecoversCurvature()
    {
        var layout = new FeatureLayout(Options);
        var state = new EngineFeatureState(layout);
        for (var k = 1; k <= 20; k++)
        {
            state.Update(k, Sensors(100 + (0.25 * k * k)));
        }

        var f = state.Features;
        Assert.Equal(0.25, f[layout.IndexOf(SensorStatistic.Curvature, 0)], 8);
        Assert.Equal(2 * 0.25 * 20, f[layout.IndexOf(SensorStatistic.QuadraticSlope, 0)], 7);
        Assert.Equal(100 + (0.25 * 400), f[layout.IndexOf(SensorStatistic.QuadraticLevel, 0)], 7);
    }

    [Fact]
    public void Update_RandomSeries_MatchesDirectWindowStatistics()
    {
        // The incremental sums (and their periodic refresh) against a direct computation on the window.
        var layout = new FeatureLayout(Options);
        var state = new EngineFeatureState(layout);
        var random = new Random(3);
        var values = new List<double>();
        for (var k = 1; k <= 61; k++)
        {
            var y = 1590 + (3 * random.NextDouble());
            values.Add(y);
            state.Update(k, Sensors(y));
            var w = Math.Min(k, Options.WindowLength);
            var window = values.Skip(k - w).ToArray();
            var mean = window.Average();
            Assert.Equal(mean, state.Features[layout.IndexOf(SensorStatistic.Mean, 0)], 9);
            Assert.Equal(DirectSlope(window), state.Features[layout.IndexOf(SensorStatistic.Slope, 0)], 8);
            var l = Math.Min(k, Options.LongWindowLength);
            Assert.Equal(DirectSlope(values.Skip(k - l).ToArray()), state.Features[layout.IndexOf(SensorStatistic.LongSlope, 0)], 8);
        }
    }

    [Fact]
    public void Features_ReadNowAndThen_EqualTheVectorReadAfterEveryCycle()
    {
        // The vector is written when read, from the running sums; reading it after every cycle or only now
        // and then (across the periodic refresh of the sums, with the committed model's health indicator)
        // must give the same numbers to the last bit.
        var model = TurbofanFixtures.Model.Value;
        var everyCycle = new EngineFeatureState(model.Layout, model.HealthIndicator);
        var nowAndThen = new EngineFeatureState(model.Layout, model.HealthIndicator);
        Assert.All(nowAndThen.Features.ToArray(), v => Assert.Equal(0.0, v));
        var random = new Random(11);
        var sensors = new double[CmapssColumns.SensorCount];
        var reads = 0;
        for (var k = 1; k <= 130; k++)
        {
            for (var j = 0; j < sensors.Length; j++)
            {
                sensors[j] = 100 + (j * 10) + random.NextDouble();
            }

            everyCycle.Update(k, sensors);
            nowAndThen.Update(k, sensors);
            var expected = everyCycle.Features.ToArray();
            Assert.Equal(k, expected[model.Layout.CycleIndex]);
            if (k % 7 == 0 || k % 31 == 0)
            {
                Assert.Equal(expected, nowAndThen.Features.ToArray());
                reads++;
            }
        }

        Assert.True(reads > 15);
        Assert.Equal(everyCycle.Features.ToArray(), nowAndThen.Features.ToArray());
        nowAndThen.Reset();
        Assert.All(nowAndThen.Features.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Update_CycleNotIncreasing_Throws()
    {
        var state = new EngineFeatureState(new FeatureLayout(Options));
        state.Update(1, Sensors(1));
        Assert.Throws<ArgumentException>(() => state.Update(1, Sensors(1)));
    }

    private static double DirectSlope(double[] y)
    {
        if (y.Length < 2)
        {
            return 0;
        }

        var xm = (y.Length + 1) / 2.0;
        var ym = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < y.Length; i++)
        {
            sxy += (i + 1 - xm) * (y[i] - ym);
            sxx += (i + 1 - xm) * (i + 1 - xm);
        }

        return sxy / sxx;
    }
}
