using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>
/// Two-level multigrid V-cycle: Chebyshev-Jacobi smoothing on the fine matrix A and a Galerkin coarse
/// correction P (Pᵀ A P)^-1 Pᵀ on a given prolongation P (for quadratic elements the linear-element space of
/// the corner nodes: p-multigrid). The coarse system is solved by IC(0)-preconditioned conjugate gradients to
/// <see cref="CoarseRelativeTolerance"/>.
/// </summary>
/// <remarks>
/// <para>The smoother and the cycle's residuals use a single-precision copy of A with one column list per node
/// (<see cref="RowGroupedMatrix"/>); the outer iteration keeps the double-precision matrix.</para>
/// <para>One application is pre-smoothing z = S r, coarse correction z += P A_c^-1 Pᵀ (r - A z), post-smoothing
/// z += S (r - A z), with S a Chebyshev polynomial of degree <see cref="SmootherDegree"/> in D^-1 A over
/// [λmax / <see cref="EigenvalueRatio"/>, λmax] (Adams, Brezina, Hu, Tuminaro 2003); λmax of D^-1 A is estimated
/// by power iteration, enlarged by 10 % and capped by the Gershgorin bound. All products run in parallel on
/// rows; the coarse solve's triangular sweeps are sequential.</para>
/// <para>Because the coarse solve is iterative, M^-1 varies slightly between applications: the class is an
/// <see cref="IVariablePreconditioner"/> and conjugate gradients use the flexible update.</para>
/// </remarks>
public sealed class TwoLevelPreconditioner : IVariablePreconditioner
{
    private const int PowerIterations = 15;

    private readonly CsrMatrix _prolongation;
    private readonly CsrMatrix _restriction;
    private readonly int _threads;
    private readonly IncompleteCholeskyPreconditioner _coarsePreconditioner = new();
    private readonly ConjugateGradientSolver _coarseSolver;
    private CsrMatrix? _matrix;
    private RowGroupedMatrix? _smoothing;
    private CsrMatrix? _coarse;
    private double[] _inverseDiagonal = [];
    private double[] _r = [], _x = [], _res = [], _ax = [], _d = [], _y = [];
    private double[] _rc = [], _ec = [];
    private double _lambdaMax;

    /// <summary>Creates the preconditioner for prolongation <paramref name="prolongation"/> (fine rows x coarse columns).</summary>
    /// <param name="prolongation">P: fine unknowns x coarse unknowns, fewer coarse than fine.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the products; -1 for one per processor.</param>
    public TwoLevelPreconditioner(CsrMatrix prolongation, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(prolongation);
        _prolongation = prolongation;
        _restriction = GalerkinProduct.Transpose(prolongation);
        _threads = maxDegreeOfParallelism;
        _coarseSolver = new ConjugateGradientSolver(maxDegreeOfParallelism);
    }

    /// <summary>Degree of the Chebyshev smoother (matrix products per smoothing: degree - 1, from a zero start).</summary>
    public int SmootherDegree { get; init; } = 3;

    /// <summary>λmax / λmin of the interval the smoother damps.</summary>
    public double EigenvalueRatio { get; init; } = 12;

    /// <summary>Relative residual at which the inner coarse solve stops.</summary>
    public double CoarseRelativeTolerance { get; init; } = 0.1;

    /// <summary>Iteration limit of the inner coarse solve (reaching it is not an error: the correction is used as it is).</summary>
    public int CoarseMaxIterations { get; init; } = 500;

    /// <summary>Unknowns of the coarse system.</summary>
    public int CoarseSize => _prolongation.ColumnCount;

    /// <summary>Stored entries of the coarse matrix (0 before <see cref="Initialize"/>).</summary>
    public long CoarseNonZeroCount => _coarse?.Pattern.NonZeroCount ?? 0;

    /// <summary>The estimated largest eigenvalue of D^-1 A the smoother uses.</summary>
    public double LargestEigenvalue => _lambdaMax;

    /// <summary>Inner coarse iterations over all applications so far.</summary>
    public long CoarseIterations { get; private set; }

    /// <summary>Bytes held (prolongation, restriction, coarse matrix and its factor, work vectors); the fine matrix is the caller's.</summary>
    public long SizeInBytes =>
        _prolongation.SizeInBytes + _restriction.SizeInBytes + (_coarse?.SizeInBytes ?? 0) + _coarsePreconditioner.SizeInBytes + (_smoothing?.SizeInBytes ?? 0) +
        (8L * ((7L * _r.Length) + (2L * _rc.Length)));

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The matrix does not match the prolongation, or its diagonal is not positive.</exception>
    public void Initialize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.RowCount;
        if (matrix.ColumnCount != n || _prolongation.RowCount != n)
        {
            throw new ArgumentException($"a {matrix.RowCount} x {matrix.ColumnCount} matrix does not fit a prolongation with {_prolongation.RowCount} rows", nameof(matrix));
        }

        _matrix = matrix;
        _smoothing = new RowGroupedMatrix(matrix, _threads);
        _inverseDiagonal = matrix.Diagonal();
        for (var i = 0; i < n; i++)
        {
            if (!(_inverseDiagonal[i] > 0))
            {
                throw new ArgumentException($"diagonal entry {i} is {_inverseDiagonal[i]:G3}; a symmetric positive definite matrix has a positive diagonal", nameof(matrix));
            }

            _inverseDiagonal[i] = 1.0 / _inverseDiagonal[i];
        }

        _r = new double[n];
        _x = new double[n];
        _res = new double[n];
        _ax = new double[n];
        _d = new double[n];
        _y = new double[n];
        _rc = new double[CoarseSize];
        _ec = new double[CoarseSize];
        _lambdaMax = EstimateLargestEigenvalue(matrix);
        _coarse = GalerkinProduct.Multiply(_restriction, matrix, _prolongation, _threads);
        _coarsePreconditioner.Initialize(_coarse);
        CoarseIterations = 0;
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> input, Span<double> result)
    {
        var a = _matrix ?? throw new InvalidOperationException("Initialize the preconditioner first");
        var n = a.RowCount;
        input[..n].CopyTo(_r);

        // Pre-smoothing from zero: x = S r.
        Smooth(_r, _x);

        // Coarse correction: x += P A_c^-1 Pᵀ (r - A x).
        Residual(_r, _x, _res);
        SparseAlgebra.Multiply(_restriction, _res, _rc, _threads);
        Array.Clear(_ec);
        try
        {
            var solved = _coarseSolver.Solve(_coarse!, _rc, _ec, _coarsePreconditioner, new ResidualStopCriterion(CoarseRelativeTolerance, CoarseMaxIterations));
            CoarseIterations += solved.Iterations;
        }
        catch (ConvergenceException e) when (e.Iterations >= CoarseMaxIterations)
        {
            // Not converged within the limit: the partial correction in _ec still reduces the error.
            CoarseIterations += e.Iterations;
        }

        SparseAlgebra.Multiply(_prolongation, _ec, _ax, _threads);
        VectorOps.AddScaled(_x, 1.0, _ax);

        // Post-smoothing: x += S (r - A x).
        Residual(_r, _x, _res);
        Smooth(_res, _y);
        VectorOps.AddScaled(_x, 1.0, _y);
        _x.AsSpan(0, n).CopyTo(result);
    }

    /// <summary>res = b - A x with the single-precision copy of A.</summary>
    private void Residual(double[] b, double[] x, double[] res)
    {
        _smoothing!.Multiply(x, _ax);
        Subtract(b, _ax, res);
    }

    /// <summary>x = p(D^-1 A) D^-1 b: Chebyshev iteration for A x = b from x = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Smooth(double[] b, double[] x)
    {
        var upper = _lambdaMax;
        var lower = upper / EigenvalueRatio;
        var theta = 0.5 * (upper + lower);
        var delta = 0.5 * (upper - lower);
        var sigma = theta / delta;
        var rho = 1.0 / sigma;
        var inv = _inverseDiagonal;
        var d = _d;
        for (var i = 0; i < x.Length; i++)
        {
            var di = inv[i] * b[i] / theta;
            d[i] = di;
            x[i] = di;
        }

        for (var k = 1; k < SmootherDegree; k++)
        {
            _smoothing!.Multiply(x, _ax);
            var rhoNext = 1.0 / ((2 * sigma) - rho);
            var c1 = rhoNext * rho;
            var c2 = 2 * rhoNext / delta;
            var ax = _ax;
            for (var i = 0; i < x.Length; i++)
            {
                var di = (c1 * d[i]) + (c2 * inv[i] * (b[i] - ax[i]));
                d[i] = di;
                x[i] += di;
            }

            rho = rhoNext;
        }
    }

    private static void Subtract(double[] b, double[] ax, double[] res)
    {
        for (var i = 0; i < res.Length; i++)
        {
            res[i] = b[i] - ax[i];
        }
    }

    /// <summary>Power iteration on D^-1 A, enlarged by 10 % and capped by the Gershgorin bound max_i Σ_j |a_ij| / a_ii.</summary>
    private double EstimateLargestEigenvalue(CsrMatrix a)
    {
        var n = a.RowCount;
        var v = _x;
        var w = _y;
        for (var i = 0; i < n; i++)
        {
            v[i] = 1.0 + ((i * 7919L % 13) / 13.0);
        }

        var estimate = 0.0;
        for (var k = 0; k < PowerIterations; k++)
        {
            var norm = VectorOps.Norm(v);
            for (var i = 0; i < n; i++)
            {
                v[i] /= norm;
            }

            _smoothing!.Multiply(v, w);
            for (var i = 0; i < n; i++)
            {
                w[i] *= _inverseDiagonal[i];
            }

            estimate = VectorOps.Norm(w);
            (v, w) = (w, v);
        }

        var gershgorin = 0.0;
        var pointers = a.Pattern.RowPointers;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = pointers[i]; k < pointers[i + 1]; k++)
            {
                sum += Math.Abs(a.Values[k]);
            }

            gershgorin = Math.Max(gershgorin, sum * _inverseDiagonal[i]);
        }

        return Math.Min(1.1 * estimate, gershgorin);
    }
}
