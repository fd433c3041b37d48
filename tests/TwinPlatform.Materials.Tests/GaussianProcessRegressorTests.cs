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
}
