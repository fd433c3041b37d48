namespace TwinPlatform.Materials.Numerics;

/// <summary>The Cholesky factor L of a small symmetric positive-definite matrix A = L L^T (dense, row-major).</summary>
internal sealed class CholeskyFactor
{
    private readonly double[] _l;

    private CholeskyFactor(int n, double[] l)
    {
        Size = n;
        _l = l;
    }

    public int Size { get; }

    /// <summary>Factorises A (only the lower triangle is read).</summary>
    /// <exception cref="ArgumentException">A is not positive definite.</exception>
    public static CholeskyFactor Of(double[][] a)
    {
        var n = a.Length;
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i][j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new ArgumentException("the matrix is not positive definite", nameof(a));
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        return new CholeskyFactor(n, l);
    }

    /// <summary>z^T A^-1 z, by forward substitution L y = z, then y^T y.</summary>
    public double InverseQuadraticForm(ReadOnlySpan<double> z)
    {
        var n = Size;
        Span<double> y = n <= 64 ? stackalloc double[n] : new double[n];
        double result = 0;
        for (var i = 0; i < n; i++)
        {
            var sum = z[i];
            for (var k = 0; k < i; k++)
            {
                sum -= _l[(i * n) + k] * y[k];
            }

            y[i] = sum / _l[(i * n) + i];
            result += y[i] * y[i];
        }

        return result;
    }
}
