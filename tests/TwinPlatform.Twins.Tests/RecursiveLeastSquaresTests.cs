using TwinPlatform.Twins.Calibration;

namespace TwinPlatform.Twins.Tests;

public sealed class RecursiveLeastSquaresTests
{
    [Fact]
    public void Update_WithVagueprior_MatchesBatchLeastSquares()
    {
        // y = 2 x + 0.5 + noise; batch normal equations solved by hand for the same data.
        var rng = new Random(1);
        var xs = new double[200];
        var ys = new double[200];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = rng.NextDouble() * 10;
            ys[i] = (2 * xs[i]) + 0.5 + (0.1 * Gaussian(rng));
        }

        var rls = new RecursiveLeastSquares([0, 0], [1e6, 1e6], 0.1);
        for (var i = 0; i < xs.Length; i++)
        {
            rls.Update([xs[i], 1], ys[i]);
        }

        double sxx = 0, sx = 0, sxy = 0, sy = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            sxx += xs[i] * xs[i];
            sx += xs[i];
            sxy += xs[i] * ys[i];
            sy += ys[i];
        }

        var n = xs.Length;
        var det = (sxx * n) - (sx * sx);
        var slope = ((sxy * n) - (sx * sy)) / det;
        var intercept = ((sxx * sy) - (sx * sxy)) / det;
        Assert.Equal(slope, rls.Mean[0], 1e-6);
        Assert.Equal(intercept, rls.Mean[1], 1e-6);

        // Posterior variance of the slope = s2 * n / det (from (X'X)^-1).
        Assert.Equal(0.01 * n / det, rls.Variance(0), 1e-9);
    }

    [Fact]
    public void Update_WrongRegressorLength_Throws()
    {
        var rls = new RecursiveLeastSquares([0, 0], [1, 1], 1);
        Assert.Throws<ArgumentException>(() => rls.Update([1.0], 1));
    }

    internal static double Gaussian(Random rng)
    {
        // Box-Muller.
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
