using TwinPlatform.Materials.Numerics;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Tests;

public sealed class GaussianProcessRegressorTests
{
    [Fact]
    public void DenseCholesky_Solve_ResidualIsTiny()
    {
        var rng = new Random(3);
        const int n = 40;
        var b = new double[n * n];
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = rng.NextDouble() - 0.5;
        }

        // A = B B^T + n I is symmetric positive definite.
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    a[(i * n) + j] += b[(i * n) + k] * b[(j * n) + k];
                }
            }

            a[(i * n) + i] += n;
        }

        var rhs = Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToArray();
        var f = DenseCholesky.Of(a, n);
        var x = f.Solve(rhs);

        double residual = 0;
        for (var i = 0; i < n; i++)
        {
            double s = 0;
            for (var j = 0; j < n; j++)
            {
                s += a[(i * n) + j] * x[j];
            }

            residual = Math.Max(residual, Math.Abs(s - rhs[i]));
        }

        Assert.True(residual < 1e-10, $"||Ax - b||_inf = {residual}");

        // (A^-1)_ij from the factor equals column j of A^-1 from a solve with e_j.
        var e3 = new double[n];
        e3[3] = 1;
        var column = f.Solve(e3);
        Assert.Equal(column[7], f.InverseEntry(7, 3), 12);
        Assert.Equal(rhs.Zip(x, (p, q) => p * q).Sum(), f.InverseQuadraticForm(rhs), 10);
    }

    [Fact]
    public void Fit_SmoothFunction_PredictsHeldOutPointsClosely()
    {
        var rng = new Random(5);
        double F(double a, double b) => 100 + (50 * Math.Sin(3 * a)) + (30 * b * b);
        var x = Enumerable.Range(0, 120).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v[0], v[1])).ToArray();

        var gp = GaussianProcessRegressor.Fit(x, y, [.. Enumerable.Range(0, x.Length)], new GaussianProcessOptions());

        var errors = Enumerable.Range(0, 50).Select(_ => new[] { 0.1 + (0.8 * rng.NextDouble()), 0.1 + (0.8 * rng.NextDouble()) })
            .Select(q => Math.Abs(gp.Predict(q).Mean - F(q[0], q[1]))).ToArray();
        Assert.True(errors.Average() < 2.0, $"mean error {errors.Average():F2} on a function of range ~80");
        Assert.True(gp.LeaveOneOutMae < 3.0, $"leave-one-out MAE {gp.LeaveOneOutMae:F2}");
        Assert.True(gp.Predict([0.5, 0.5]).StandardDeviation < gp.Predict([5, 5]).StandardDeviation, "far from the data the process is less sure");
    }

    [Fact]
    public void Fit_LinearTermOnLinearLaw_ExtrapolatesTheTrend()
    {
        var rng = new Random(13);
        double F(double a, double b) => 3 + (2 * a) - b;
        var x = Enumerable.Range(0, 60).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v[0], v[1])).ToArray();
        var groups = Enumerable.Range(0, x.Length).ToArray();
        var stationary = new GaussianProcessOptions { ScaleExponents = [1], Average = 1 };

        var plain = GaussianProcessRegressor.Fit(x, y, groups, stationary);
        var linear = GaussianProcessRegressor.Fit(x, y, groups, stationary with { LinearWeights = [0, 1, 100] });

        // Three training ranges away the stationary kernel has decayed, so only the linear term can carry the trend there.
        double[] far = [4, -2];
        Assert.Equal(F(4, -2), linear.Predict(far).Mean, 1);
        Assert.True(Math.Abs(plain.Predict(far).Mean - F(4, -2)) > 1, $"stationary alone predicts {plain.Predict(far).Mean:F2} for {F(4, -2)}");
        Assert.Contains("linear", linear.Description, StringComparison.Ordinal);
        Assert.True(linear.LeaveOneOutMae < 0.01, $"leave-one-out MAE {linear.LeaveOneOutMae:F4} on an exact linear law");
    }

    [Fact]
    public void Fit_LinearWeightZero_SameAsStationaryProcess()
    {
        var rng = new Random(17);
        var x = Enumerable.Range(0, 40).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => Math.Sin(4 * v[0]) + v[1]).ToArray();
        var groups = Enumerable.Range(0, x.Length).ToArray();

        var a = GaussianProcessRegressor.Fit(x, y, groups, new GaussianProcessOptions());
        var b = GaussianProcessRegressor.Fit(x, y, groups, new GaussianProcessOptions { LinearWeights = [0] });

        double[] q = [0.3, 0.7];
        Assert.Equal(a.Predict(q).Mean, b.Predict(q).Mean, 12);
        Assert.Equal(a.Predict(q).StandardDeviation, b.Predict(q).StandardDeviation, 12);
        Assert.Throws<ArgumentException>(() => GaussianProcessRegressor.Fit(x, y, groups, new GaussianProcessOptions { LinearWeights = [-1] }));
    }

    [Fact]
    public void NelderMead_RosenbrockFunction_FindsTheMinimum()
    {
        static double Rosenbrock(double[] v) => (100 * Math.Pow(v[1] - (v[0] * v[0]), 2)) + Math.Pow(1 - v[0], 2);

        var best = GaussianProcessRegressor.NelderMead(Rosenbrock, [-1.2, 1], [0.5, 0.5], 2000);

        Assert.Equal(1, best[0], 2);
        Assert.Equal(1, best[1], 2);
    }

    [Fact]
    public void Fit_Optimise_RefinesOffTheGridAndPredictsAsWell()
    {
        var rng = new Random(31);
        double F(double a, double b) => 100 + (50 * Math.Sin(3 * a)) + (30 * b * b);
        var x = Enumerable.Range(0, 100).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v[0], v[1]) + rng.NextDouble()).ToArray();
        var groups = Enumerable.Range(0, x.Length).ToArray();
        var grid = new GaussianProcessOptions { Average = 1 };

        var plain = GaussianProcessRegressor.Fit(x, y, groups, grid);
        var refined = GaussianProcessRegressor.Fit(x, y, groups, grid with { Optimise = true });

        Assert.Contains("ML-refined", refined.Description, StringComparison.Ordinal);
        Assert.NotEqual(plain.Description.Split(": ")[1], refined.Description.Split(": ")[1]);
        Assert.True(refined.LeaveOneOutMae <= 1.1 * plain.LeaveOneOutMae, $"refined {refined.LeaveOneOutMae:F3} against grid {plain.LeaveOneOutMae:F3}");
        Assert.Throws<ArgumentException>(() => GaussianProcessRegressor.Fit(x, y, groups, grid with { Optimise = true, Ard = true }));
    }
}
