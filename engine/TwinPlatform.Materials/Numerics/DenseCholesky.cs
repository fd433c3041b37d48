namespace TwinPlatform.Materials.Numerics;

/// <summary>
/// Cholesky factor of a dense symmetric positive-definite matrix (row-major, n up to a few thousand),
/// with the inverse of the factor for the diagonal and blocks of the inverse matrix.
/// </summary>
internal sealed class DenseCholesky
{
    private readonly double[] _l;
    private double[]? _inverseTransposed;

    private DenseCholesky(int n, double[] l)
    {
        Size = n;
        _l = l;
    }

    public int Size { get; }

    /// <summary>Factorises A = L L^T; A is row-major n x n (only the lower triangle is read).</summary>
    /// <exception cref="ArgumentException">A is not positive definite.</exception>
    public static DenseCholesky Of(double[] a, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var rowI = l.AsSpan(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var rowJ = l.AsSpan(j * n, n);
                var sum = a[(i * n) + j] - Dot(rowI[..j], rowJ[..j]);
                if (i == j)
                {
                    if (sum <= 0 || !double.IsFinite(sum))
                    {
                        throw new ArgumentException("the matrix is not positive definite", nameof(a));
                    }

                    rowI[i] = Math.Sqrt(sum);
                }
                else
                {
                    rowI[j] = sum / rowJ[j];
                }
            }
        }

        return new DenseCholesky(n, l);
    }

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        var n = Size;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = (b[i] - Dot(_l.AsSpan(i * n, i), y.AsSpan(0, i))) / _l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= _l[(k * n) + i] * y[k];
            }

            y[i] = sum / _l[(i * n) + i];
        }

        return y;
    }

    /// <summary>L z: turns independent standard normal draws z into draws with covariance A.</summary>
    public void LowerTimes(ReadOnlySpan<double> z, Span<double> result)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            result[i] = Dot(_l.AsSpan(i * n, i + 1), z[..(i + 1)]);
        }
    }

    /// <summary>log det A = 2 sum log L_ii.</summary>
    public double LogDeterminant()
    {
        double s = 0;
        for (var i = 0; i < Size; i++)
        {
            s += Math.Log(_l[(i * Size) + i]);
        }

        return 2 * s;
    }

    /// <summary>||L^-1 v||^2 = v^T A^-1 v.</summary>
    public double InverseQuadraticForm(ReadOnlySpan<double> v)
    {
        var n = Size;
        Span<double> y = n <= 512 ? stackalloc double[n] : new double[n];
        double result = 0;
        for (var i = 0; i < n; i++)
        {
            y[i] = (v[i] - Dot(_l.AsSpan(i * n, i), y[..i])) / _l[(i * n) + i];
            result += y[i] * y[i];
        }

        return result;
    }

    /// <summary>Entry (i, j) of A^-1 (computes L^-1 on first use, n^3/3 operations).</summary>
    public double InverseEntry(int i, int j)
    {
        var m = InverseTransposed();
        var n = Size;
        var start = Math.Max(i, j);
        return Dot(m.AsSpan((i * n) + start, n - start), m.AsSpan((j * n) + start, n - start));
    }

    /// <summary>The whole of A^-1, row-major (n^3/2 operations after L^-1).</summary>
    public double[] Inverse()
    {
        var m = InverseTransposed();
        var n = Size;
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var v = Dot(m.AsSpan((i * n) + i, n - i), m.AsSpan((j * n) + i, n - i));
                result[(i * n) + j] = v;
                result[(j * n) + i] = v;
            }
        }

        return result;
    }

    /// <summary>(L^-1)^T, row-major: row i holds column i of L^-1 (non-zero from index i on).</summary>
    private double[] InverseTransposed()
    {
        if (_inverseTransposed is { } cached)
        {
            return cached;
        }

        var n = Size;
        var mt = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var colJ = mt.AsSpan(j * n, n);
            colJ[j] = 1.0 / _l[(j * n) + j];
            for (var i = j + 1; i < n; i++)
            {
                colJ[i] = -Dot(_l.AsSpan((i * n) + j, i - j), colJ.Slice(j, i - j)) / _l[(i * n) + i];
            }
        }

        _inverseTransposed = mt;
        return mt;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // Four partial sums: independent additions the CPU can overlap (no SIMD, so no second code path).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i <= a.Length - 4; i += 4)
        {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }

        for (; i < a.Length; i++)
        {
            s0 += a[i] * b[i];
        }

        return (s0 + s1) + (s2 + s3);
    }
}
