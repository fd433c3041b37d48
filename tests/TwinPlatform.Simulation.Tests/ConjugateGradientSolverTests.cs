using TwinPlatform.Simulation.Solvers;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Tests;

public sealed class ConjugateGradientSolverTests
{
    public static TheoryData<string> Preconditioners => ["jacobi", "ic0"];

    [Theory]
    [MemberData(nameof(Preconditioners))]
    public void Solve_RandomSpdSystem_MatchesDenseCholesky(string preconditioner)
    {
        var dense = RandomSpd(5, seed: 3);
        var n = dense.GetLength(0);
        var b = RandomVector(n, seed: 4);
        var a = CsrMatrix.FromDense(dense);
        var m = Create(preconditioner);
        m.Initialize(a);
        var x = new double[n];

        var result = new ConjugateGradientSolver().Solve(a, b, x, m, new ResidualStopCriterion(1e-12, 1000));

        // Residual ||Ax - b|| / ||b|| below 1e-10, and the solution within 1e-9 of the dense direct solve.
        Assert.True(Residual(dense, x, b) < 1e-10, $"residual {Residual(dense, x, b):G3}");
        Assert.True(result.RelativeResidual < 1e-10);
        var reference = DenseCholesky.Solve(dense, b);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(reference[i], x[i], 1e-9 * MaxAbs(reference));
        }
    }

    [Fact]
    public void Solve_IncompleteCholeskyNeedsMoreThanJacobi_TakesFewerIterations()
    {
        var dense = RandomSpd(6, seed: 9);
        var a = CsrMatrix.FromDense(dense);
        var b = RandomVector(a.RowCount, seed: 10);
        var iterations = new Dictionary<string, int>();
        foreach (var name in new[] { "jacobi", "ic0" })
        {
            var m = Create(name);
            m.Initialize(a);
            iterations[name] = new ConjugateGradientSolver().Solve(a, b, new double[a.RowCount], m, new ResidualStopCriterion(1e-10, 1000)).Iterations;
        }

        Assert.True(iterations["ic0"] < iterations["jacobi"], $"IC(0) {iterations["ic0"]} vs Jacobi {iterations["jacobi"]} iterations");
    }

    [Fact]
    public void Solve_IterationLimitReached_ThrowsWithResidual()
    {
        var dense = RandomSpd(5, seed: 3);
        var a = CsrMatrix.FromDense(dense);
        var b = RandomVector(a.RowCount, seed: 4);
        var m = new JacobiPreconditioner();
        m.Initialize(a);

        var ex = Assert.Throws<ConvergenceException>(() => new ConjugateGradientSolver().Solve(a, b, new double[a.RowCount], m, new ResidualStopCriterion(1e-12, 3)));

        Assert.Equal(3, ex.Iterations);
        Assert.True(ex.RelativeResidual > 1e-12 && ex.RelativeResidual < 1);
        Assert.Contains("did not converge within 3 iterations", ex.Message, StringComparison.Ordinal);
        Assert.Contains("relative residual reached", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_IndefiniteMatrix_ThrowsBreakdown()
    {
        var dense = new double[,] { { 1, 2, 0 }, { 2, 1, 0 }, { 0, 0, 1 } };
        var a = CsrMatrix.FromDense(dense);
        var m = new JacobiPreconditioner();
        m.Initialize(a);

        var ex = Assert.Throws<ConvergenceException>(() => new ConjugateGradientSolver().Solve(a, [1, -1, 0], new double[3], m, new ResidualStopCriterion(1e-10, 100)));

        Assert.Contains("not positive definite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_KershawMatrix_ShiftsDiagonalAndStillSolves()
    {
        // Kershaw's SPD matrix, on which zero-fill incomplete Cholesky meets a negative pivot.
        var dense = new double[,] { { 3, -2, 0, 2 }, { -2, 3, -2, 0 }, { 0, -2, 3, -2 }, { 2, 0, -2, 3 } };
        var a = CsrMatrix.FromDense(dense);
        var ic = new IncompleteCholeskyPreconditioner();

        ic.Initialize(a);
        var b = new double[] { 1, 2, 3, 4 };
        var x = new double[4];
        new ConjugateGradientSolver().Solve(a, b, x, ic, new ResidualStopCriterion(1e-12, 100));

        Assert.True(ic.Shift > 0);
        Assert.True(Residual(dense, x, b) < 1e-10);
    }

    [Fact]
    public void Multiply_ParallelAndSerial_GiveTheSameResult()
    {
        var a = Banded(30_000, 3);
        Assert.True(a.Pattern.NonZeroCount > SparseAlgebra.ParallelThreshold);
        var x = RandomVector(a.RowCount, seed: 6);
        var serial = new double[a.RowCount];
        var parallel = new double[a.RowCount];

        SparseAlgebra.Multiply(a, x, serial, maxDegreeOfParallelism: 1);
        SparseAlgebra.Multiply(a, x, parallel, maxDegreeOfParallelism: 4);

        // Each row is summed by one thread in the same order: bitwise equal.
        Assert.Equal(serial, parallel);
    }

    /// <summary>A sparse symmetric banded matrix built directly in CSR (too large for a dense array).</summary>
    private static CsrMatrix Banded(int n, int halfBandwidth)
    {
        var random = new Random(8);
        var pointers = new int[n + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var r = 0; r < n; r++)
        {
            for (var c = Math.Max(0, r - halfBandwidth); c <= Math.Min(n - 1, r + halfBandwidth); c++)
            {
                columns.Add(c);
                values.Add(r == c ? 10 : random.NextDouble());
            }

            pointers[r + 1] = columns.Count;
        }

        return new CsrMatrix(new CsrPattern(n, n, pointers, [.. columns]), [.. values]);
    }

    private static IPreconditioner Create(string name) => name == "jacobi" ? new JacobiPreconditioner() : new IncompleteCholeskyPreconditioner();

    /// <summary>A weighted 7-point graph Laplacian on an n^3 grid plus a positive diagonal: sparse SPD.</summary>
    private static double[,] RandomSpd(int n, int seed)
    {
        var random = new Random(seed);
        var size = n * n * n;
        var a = new double[size, size];
        int Id(int i, int j, int k) => i + (n * (j + (n * k)));
        for (var k = 0; k < n; k++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < n; i++)
                {
                    var p = Id(i, j, k);
                    a[p, p] += 0.01 + random.NextDouble();
                    foreach (var q in new[] { i + 1 < n ? Id(i + 1, j, k) : -1, j + 1 < n ? Id(i, j + 1, k) : -1, k + 1 < n ? Id(i, j, k + 1) : -1 })
                    {
                        if (q < 0)
                        {
                            continue;
                        }

                        var w = 0.5 + random.NextDouble();
                        a[p, p] += w;
                        a[q, q] += w;
                        a[p, q] -= w;
                        a[q, p] -= w;
                    }
                }
            }
        }

        return a;
    }

    private static double[] RandomVector(int n, int seed)
    {
        var random = new Random(seed);
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = (2 * random.NextDouble()) - 1;
        }

        return v;
    }

    private static double Residual(double[,] a, double[] x, double[] b)
    {
        double r2 = 0, b2 = 0;
        for (var i = 0; i < b.Length; i++)
        {
            var s = -b[i];
            for (var j = 0; j < b.Length; j++)
            {
                s += a[i, j] * x[j];
            }

            r2 += s * s;
            b2 += b[i] * b[i];
        }

        return Math.Sqrt(r2 / b2);
    }

    private static double MaxAbs(double[] v)
    {
        var m = 0.0;
        foreach (var x in v)
        {
            m = Math.Max(m, Math.Abs(x));
        }

        return m;
    }
}
