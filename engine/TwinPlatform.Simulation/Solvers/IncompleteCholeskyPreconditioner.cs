using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>
/// Zero-fill incomplete Cholesky, IC(0): A ≈ Uᵀ U with U upper triangular on the pattern of A's upper
/// triangle. If a pivot breaks down (not positive, or tiny against its diagonal), the factorisation is
/// repeated on A + alpha diag(A) with alpha doubling from 1e-3 (Manteuffel's diagonal shift).
/// </summary>
/// <remarks>
/// The factor is stored by rows (CSR of U, diagonal first in each row), about half the memory of A.
/// Applying it is one forward and one backward triangular sweep (sequential).
/// </remarks>
public sealed class IncompleteCholeskyPreconditioner : IPreconditioner
{
    private const double PivotTolerance = 1e-12;
    private const int MaxShiftAttempts = 30;

    private int[] _rowPointers = [];
    private int[] _columns = [];
    private double[] _values = [];
    private double[] _inverseDiagonal = [];

    /// <summary>The diagonal shift alpha the last factorisation needed (0 if none).</summary>
    public double Shift { get; private set; }

    /// <summary>Bytes held by the factor.</summary>
    public long SizeInBytes => (8L * (_values.Length + _inverseDiagonal.Length)) + (4L * (_columns.Length + _rowPointers.Length));

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The matrix is not square, lacks a diagonal entry, or has a non-positive diagonal.</exception>
    /// <exception cref="ConvergenceException">No shift up to 2^30 · 1e-3 gives a factorisation.</exception>
    public void Initialize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.RowCount != matrix.ColumnCount)
        {
            throw new ArgumentException($"IC(0) needs a square matrix, got {matrix.RowCount} x {matrix.ColumnCount}", nameof(matrix));
        }

        ExtractUpper(matrix, out var diagonal);
        var original = (double[])_values.Clone();
        var shift = 0.0;
        for (var attempt = 0; attempt < MaxShiftAttempts; attempt++)
        {
            if (attempt > 0)
            {
                shift = attempt == 1 ? 1e-3 : 2 * shift;
                original.CopyTo(_values, 0);
                for (var i = 0; i < diagonal.Length; i++)
                {
                    _values[_rowPointers[i]] = (1 + shift) * diagonal[i];
                }
            }

            if (TryFactor(diagonal, shift))
            {
                Shift = shift;
                return;
            }
        }

        throw new ConvergenceException($"incomplete Cholesky broke down even with a diagonal shift of {shift:G3}; the matrix is far from positive definite");
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<double> input, Span<double> result)
    {
        var n = _inverseDiagonal.Length;
        var pointers = _rowPointers;
        var columns = _columns;
        var values = _values;
        var invDiag = _inverseDiagonal;
        input[..n].CopyTo(result);

        // Forward: Uᵀ y = input (column sweep over the rows of U).
        for (var k = 0; k < n; k++)
        {
            var yk = result[k] * invDiag[k];
            result[k] = yk;
            var end = pointers[k + 1];
            for (var p = pointers[k] + 1; p < end; p++)
            {
                result[columns[p]] -= values[p] * yk;
            }
        }

        // Backward: U x = y.
        for (var k = n - 1; k >= 0; k--)
        {
            var s = result[k];
            var end = pointers[k + 1];
            for (var p = pointers[k] + 1; p < end; p++)
            {
                s -= values[p] * result[columns[p]];
            }

            result[k] = s * invDiag[k];
        }
    }

    private void ExtractUpper(CsrMatrix matrix, out double[] diagonal)
    {
        var n = matrix.RowCount;
        var ap = matrix.Pattern.RowPointers;
        var ac = matrix.Pattern.ColumnIndices;
        var av = matrix.Values;
        var pointers = new int[n + 1];
        for (var r = 0; r < n; r++)
        {
            var count = 0;
            for (var k = ap[r]; k < ap[r + 1]; k++)
            {
                if (ac[k] >= r)
                {
                    count++;
                }
            }

            pointers[r + 1] = pointers[r] + count;
        }

        var columns = new int[pointers[n]];
        var values = new double[pointers[n]];
        diagonal = new double[n];
        for (var r = 0; r < n; r++)
        {
            var w = pointers[r];
            for (var k = ap[r]; k < ap[r + 1]; k++)
            {
                if (ac[k] >= r)
                {
                    columns[w] = ac[k];
                    values[w++] = av[k];
                }
            }

            if (pointers[r] == pointers[r + 1] || columns[pointers[r]] != r)
            {
                throw new ArgumentException($"row {r} has no stored diagonal entry", nameof(matrix));
            }

            diagonal[r] = values[pointers[r]];
            if (!(diagonal[r] > 0))
            {
                throw new ArgumentException($"diagonal entry {r} is {diagonal[r]:G3}; a symmetric positive definite matrix has a positive diagonal", nameof(matrix));
            }
        }

        _rowPointers = pointers;
        _columns = columns;
        _values = values;
        _inverseDiagonal = new double[n];
    }

    /// <summary>Right-looking IC(0) on the rows of U; false on a pivot breakdown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFactor(double[] diagonal, double shift)
    {
        var n = diagonal.Length;
        var pointers = _rowPointers;
        var columns = _columns;
        var values = _values;
        var marker = new int[n];
        Array.Fill(marker, -1);
        for (var k = 0; k < n; k++)
        {
            var start = pointers[k];
            var end = pointers[k + 1];
            var pivot = values[start];
            if (!(pivot > PivotTolerance * (1 + shift) * diagonal[k]))
            {
                return false;
            }

            var d = Math.Sqrt(pivot);
            values[start] = d;
            _inverseDiagonal[k] = 1.0 / d;
            for (var p = start + 1; p < end; p++)
            {
                values[p] /= d;
            }

            // Schur update restricted to the pattern: a_jl -= u_kj u_kl for j <= l both in row k.
            for (var p = start + 1; p < end; p++)
            {
                var j = columns[p];
                var ukj = values[p];
                var jEnd = pointers[j + 1];
                for (var q = pointers[j]; q < jEnd; q++)
                {
                    marker[columns[q]] = q;
                }

                for (var p2 = p; p2 < end; p2++)
                {
                    var target = marker[columns[p2]];
                    if (target >= 0)
                    {
                        values[target] -= ukj * values[p2];
                    }
                }

                for (var q = pointers[j]; q < jEnd; q++)
                {
                    marker[columns[q]] = -1;
                }
            }
        }

        return true;
    }
}
