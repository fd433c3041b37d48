namespace TwinPlatform.Simulation.Discretization;

/// <summary>Cyclic Jacobi eigen-decomposition of a small dense symmetric matrix.</summary>
internal static class SymmetricEigen
{
    /// <summary>
    /// Eigenvalues of the n x n row-major symmetric <paramref name="matrix"/> (overwritten) into
    /// <paramref name="values"/>, eigenvectors as the columns of <paramref name="vectors"/>.
    /// </summary>
    public static void Jacobi(double[] matrix, int n, double[] values, double[] vectors)
    {
        Array.Clear(vectors);
        for (var i = 0; i < n; i++)
        {
            vectors[(i * n) + i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            var diag = 0.0;
            for (var i = 0; i < n; i++)
            {
                diag += matrix[(i * n) + i] * matrix[(i * n) + i];
                for (var j = i + 1; j < n; j++)
                {
                    off += matrix[(i * n) + j] * matrix[(i * n) + j];
                }
            }

            if (off <= 1e-30 * diag || off == 0)
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = matrix[(p * n) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    var theta = (matrix[(q * n) + q] - matrix[(p * n) + p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        // Rotate columns p and q.
                        var akp = matrix[(k * n) + p];
                        var akq = matrix[(k * n) + q];
                        matrix[(k * n) + p] = (c * akp) - (s * akq);
                        matrix[(k * n) + q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        // Rotate rows p and q.
                        var apk = matrix[(p * n) + k];
                        var aqk = matrix[(q * n) + k];
                        matrix[(p * n) + k] = (c * apk) - (s * aqk);
                        matrix[(q * n) + k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var vkp = vectors[(k * n) + p];
                        var vkq = vectors[(k * n) + q];
                        vectors[(k * n) + p] = (c * vkp) - (s * vkq);
                        vectors[(k * n) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = matrix[(i * n) + i];
        }
    }
}
