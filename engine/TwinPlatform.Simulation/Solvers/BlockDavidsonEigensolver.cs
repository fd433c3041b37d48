using System.Diagnostics;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>
/// Lowest eigenpairs of the symmetric definite pencil K x = lambda M x (K positive semi-definite, M positive
/// definite) by a block Davidson method preconditioned with (K - sigma M)^-1, applied through inner
/// preconditioned conjugate-gradient solves (the <see cref="ILinearSolver"/> seam).
/// </summary>
/// <remarks>
/// <para>
/// Each iteration solves (K - sigma M) t = K x - theta M x for the b lowest unconverged Ritz pairs, M-orthogonalises
/// the corrections against the basis (classical Gram-Schmidt twice), and does Rayleigh-Ritz on (K, M) over the basis
/// (M-orthonormal, so a dense symmetric eigenproblem). With exact inner solves this spans the same space as block
/// shift-invert Lanczos (t = x + (sigma - theta) (K - sigma M)^-1 M x), so the lowest eigenvalues converge in few
/// blocks; solving for the residual rather than for M x keeps the new direction accurate when x has nearly
/// converged, so loose inner tolerances cost outer iterations but never accuracy — the Ritz pairs and their
/// residuals are computed with the true K and M. A block of b &gt;= 2 vectors finds eigenvalues of multiplicity up to
/// b (symmetric structures). When the basis is full it restarts from the lowest Ritz vectors (thick restart).
/// </para>
/// </remarks>
internal sealed class BlockDavidsonEigensolver
{
    private readonly CsrMatrix _stiffness;
    private readonly CsrMatrix _mass;
    private readonly CsrMatrix _operator;
    private readonly double _shift;
    private readonly IPreconditioner _preconditioner;
    private readonly ILinearSolver _solver;
    private readonly IIterationStopCriterion _linearStop;
    private readonly int _threads;
    private TimeSpan _solveTime;

    /// <param name="stiffness">K.</param>
    /// <param name="mass">M (same size).</param>
    /// <param name="operatorMatrix">K - sigma M, the matrix the preconditioner was initialised for.</param>
    /// <param name="shift">sigma (&lt;= 0).</param>
    /// <param name="preconditioner">Initialised for <paramref name="operatorMatrix"/>.</param>
    /// <param name="solver">Inner solver.</param>
    /// <param name="linearStop">Inner stop criterion.</param>
    /// <param name="threads">Threads for products.</param>
    public BlockDavidsonEigensolver(CsrMatrix stiffness, CsrMatrix mass, CsrMatrix operatorMatrix, double shift, IPreconditioner preconditioner, ILinearSolver solver, IIterationStopCriterion linearStop, int threads)
    {
        _stiffness = stiffness;
        _mass = mass;
        _operator = operatorMatrix;
        _shift = shift;
        _preconditioner = preconditioner;
        _solver = solver;
        _linearStop = linearStop;
        _threads = threads;
    }

    /// <summary>The lowest <paramref name="count"/> eigenpairs.</summary>
    /// <exception cref="ConvergenceException">Not converged within <paramref name="maxRestarts"/> restarts; the message lists the residuals.</exception>
    /// <param name="count">Eigenpairs wanted.</param>
    /// <param name="blockSize">Corrections per iteration.</param>
    /// <param name="maxBasis">Largest basis before a thick restart.</param>
    /// <param name="tolerance">Relative residual of a converged pair.</param>
    /// <param name="maxRestarts">Restart limit.</param>
    /// <param name="seed">Seed of the random start block.</param>
    /// <param name="knownVectors">Vectors to put in the start basis (the rigid-body modes of a model without supports), or null.</param>
    /// <param name="progress">Progress lines.</param>
    public EigenSolveResult Solve(int count, int blockSize, int maxBasis, double tolerance, int maxRestarts, int seed, double[][]? knownVectors, IProgress<string>? progress)
    {
        var n = _stiffness.RowCount;
        count = Math.Min(count, n);
        blockSize = Math.Clamp(blockSize, 1, n);
        maxBasis = Math.Clamp(maxBasis, Math.Min(n, count + (2 * blockSize)), n);
        var random = new Random(seed);
        var solves = 0;
        var linearIterations = 0L;
        var restarts = 0;
        var largestBasis = 0;
        var kx = new double[n];

        // Start block: known vectors, then random vectors (deterministic for the seed) smoothed by one solve each.
        var block = new List<double[]>(blockSize + (knownVectors?.Length ?? 0));
        if (knownVectors is not null)
        {
            maxBasis = Math.Min(n, maxBasis + knownVectors.Length);
            block.AddRange(knownVectors);
        }

        var basis = new List<double[]>(maxBasis);
        var massBasis = new List<double[]>(maxBasis);
        var projected = new double[maxBasis * maxBasis];
        for (var j = 0; j < blockSize; j++)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++)
            {
                v[i] = random.NextDouble() - 0.5;
            }

            block.Add(Solve(v, ref solves, ref linearIterations));
        }

        double[] values = [];
        double[][] vectors = [];
        double[] residuals = [];
        while (true)
        {
            AddOrthonormal(basis, massBasis, block, projected, maxBasis, kx);
            largestBasis = Math.Max(largestBasis, basis.Count);
            var size = basis.Count;

            // Rayleigh-Ritz: the basis is M-orthonormal, so H y = theta y.
            var h = new double[size * size];
            for (var i = 0; i < size; i++)
            {
                Array.Copy(projected, i * maxBasis, h, i * size, size);
            }

            var theta = new double[size];
            var y = new double[size * size];
            SymmetricEigen.Jacobi(h, size, theta, y);
            var order = AscendingOrder(theta);
            var wanted = Math.Min(size, count + blockSize);
            values = new double[wanted];
            vectors = new double[wanted][];
            residuals = new double[wanted];
            var allConverged = size >= count;
            block.Clear();
            for (var k = 0; k < wanted; k++)
            {
                var col = order[k];
                values[k] = theta[col];
                var x = new double[n];
                var mx = new double[n];
                for (var j = 0; j < size; j++)
                {
                    var c = y[(j * size) + col];
                    if (c != 0)
                    {
                        VectorOps.AddScaled(x, c, basis[j]);
                        VectorOps.AddScaled(mx, c, massBasis[j]);
                    }
                }

                vectors[k] = x;
                SparseAlgebra.Multiply(_stiffness, x, kx, _threads);

                // r = K x - theta M x, relative to ||(K - sigma M) x|| (= ||K x|| without a shift).
                var r = new double[n];
                double rr = 0, aa = 0;
                for (var i = 0; i < n; i++)
                {
                    r[i] = kx[i] - (theta[col] * mx[i]);
                    var a = kx[i] - (_shift * mx[i]);
                    rr += r[i] * r[i];
                    aa += a * a;
                }

                residuals[k] = aa > 0 ? Math.Sqrt(rr / aa) : 0;
                var ok = residuals[k] <= tolerance;
                if (k < count)
                {
                    allConverged &= ok;
                }

                if (!ok && block.Count < blockSize && size < n)
                {
                    block.Add(r);
                }
            }

            progress?.Report($"eigen: basis {size}, lowest residual {residuals[0]:G2}, largest of the {count} wanted {Max(residuals, count):G2} ({solves} solves, {linearIterations} CG iterations)");
            if (allConverged || size >= n)
            {
                break;
            }

            if (basis.Count + block.Count > maxBasis)
            {
                if (++restarts > maxRestarts)
                {
                    throw new ConvergenceException(
                        $"the eigensolver did not converge within {maxRestarts} restarts: relative residuals of the {count} lowest pairs {string.Join(", ", Format(residuals, count))} " +
                        $"(tolerance {tolerance:G2}); raise MaxBasisSize or MaxRestarts, or loosen the tolerance",
                        solves,
                        Max(residuals, count));
                }

                // Thick restart: the lowest Ritz vectors become the basis, H = diag(theta).
                var keep = Math.Min(wanted, maxBasis - block.Count);
                basis.Clear();
                massBasis.Clear();
                Array.Clear(projected);
                for (var k = 0; k < keep; k++)
                {
                    basis.Add(vectors[k]);
                    var mv = new double[n];
                    SparseAlgebra.Multiply(_mass, vectors[k], mv, _threads);
                    massBasis.Add(mv);
                    projected[(k * maxBasis) + k] = values[k];
                }
            }

            // Corrections t = (K - sigma M)^-1 r for the lowest unconverged pairs.
            for (var j = 0; j < block.Count; j++)
            {
                block[j] = SolveRaw(block[j], ref solves, ref linearIterations);
            }
        }

        var resultValues = new double[count];
        var resultVectors = new double[count][];
        var resultResiduals = new double[count];
        Array.Copy(values, resultValues, count);
        Array.Copy(vectors, resultVectors, count);
        Array.Copy(residuals, resultResiduals, count);
        return new EigenSolveResult(resultValues, resultVectors, resultResiduals, largestBasis, restarts, solves, linearIterations, _solveTime);
    }

    private static int[] AscendingOrder(double[] values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])values.Clone(), order);
        return order;
    }

    private static double Max(double[] values, int count)
    {
        var m = 0.0;
        for (var i = 0; i < Math.Min(count, values.Length); i++)
        {
            m = Math.Max(m, values[i]);
        }

        return m;
    }

    private static string[] Format(double[] values, int count)
    {
        var s = new string[Math.Min(count, values.Length)];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = values[i].ToString("G2", System.Globalization.CultureInfo.InvariantCulture);
        }

        return s;
    }

    /// <summary>(K - sigma M)^-1 M v.</summary>
    private double[] Solve(double[] v, ref int solves, ref long iterations)
    {
        var mv = new double[v.Length];
        SparseAlgebra.Multiply(_mass, v, mv, _threads);
        return SolveRaw(mv, ref solves, ref iterations);
    }

    /// <summary>(K - sigma M)^-1 b.</summary>
    private double[] SolveRaw(double[] b, ref int solves, ref long iterations)
    {
        var x = new double[b.Length];
        var result = _solver.Solve(_operator, b, x, _preconditioner, _linearStop);
        solves++;
        iterations += result.Iterations;
        _solveTime += result.Elapsed;
        return x;
    }

    /// <summary>
    /// M-orthogonalises the block against the basis (classical Gram-Schmidt, twice) and within itself, drops
    /// vectors that vanish (deflation), appends the rest and extends the projected K.
    /// </summary>
    private void AddOrthonormal(List<double[]> basis, List<double[]> massBasis, List<double[]> block, double[] projected, int stride, double[] kx)
    {
        var n = _stiffness.RowCount;
        var mv = new double[n];
        foreach (var v in block)
        {
            if (basis.Count >= stride)
            {
                break;
            }

            SparseAlgebra.Multiply(_mass, v, mv, _threads);
            var before = Math.Sqrt(Math.Max(VectorOps.Dot(v, mv), 0));
            if (!(before > 0))
            {
                continue;
            }

            for (var pass = 0; pass < 2; pass++)
            {
                for (var j = 0; j < basis.Count; j++)
                {
                    var c = VectorOps.Dot(massBasis[j], v);
                    VectorOps.AddScaled(v, -c, basis[j]);
                }
            }

            SparseAlgebra.Multiply(_mass, v, mv, _threads);
            var norm = Math.Sqrt(Math.Max(VectorOps.Dot(v, mv), 0));
            if (!(norm > 1e-10 * before))
            {
                continue;
            }

            var inv = 1 / norm;
            var q = new double[n];
            var mq = new double[n];
            for (var i = 0; i < n; i++)
            {
                q[i] = v[i] * inv;
                mq[i] = mv[i] * inv;
            }

            // New row and column of Q^T K Q.
            SparseAlgebra.Multiply(_stiffness, q, kx, _threads);
            var k = basis.Count;
            basis.Add(q);
            massBasis.Add(mq);
            for (var j = 0; j <= k; j++)
            {
                var value = VectorOps.Dot(basis[j], kx);
                projected[(j * stride) + k] = value;
                projected[(k * stride) + j] = value;
            }
        }

        Debug.Assert(basis.Count == massBasis.Count, "basis and M basis out of step");
    }
}
