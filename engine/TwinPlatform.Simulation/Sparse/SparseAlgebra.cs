using System.Runtime.CompilerServices;

namespace TwinPlatform.Simulation.Sparse;

/// <summary>Matrix-vector algebra on <see cref="CsrMatrix"/> storage.</summary>
/// <remarks>
/// Products are partitioned into contiguous row ranges of about equal stored-entry counts, one per thread;
/// each thread writes only its own rows, so no synchronisation is needed and the result does not depend on
/// the number of threads.
/// </remarks>
public static class SparseAlgebra
{
    /// <summary>Below this many stored entries a product runs on the calling thread.</summary>
    public const int ParallelThreshold = 40_000;

    /// <summary>y = A x.</summary>
    /// <param name="matrix">A.</param>
    /// <param name="x">Input, <see cref="CsrMatrix.ColumnCount"/> entries.</param>
    /// <param name="y">Output, <see cref="CsrMatrix.RowCount"/> entries (overwritten).</param>
    /// <param name="maxDegreeOfParallelism">Thread limit; -1 for one per processor.</param>
    public static void Multiply(CsrMatrix matrix, double[] x, double[] y, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < matrix.ColumnCount || y.Length < matrix.RowCount)
        {
            throw new ArgumentException($"vector lengths {x.Length}, {y.Length} do not fit a {matrix.RowCount} x {matrix.ColumnCount} matrix");
        }

        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        if (threads <= 1 || matrix.Pattern.NonZeroCount < ParallelThreshold)
        {
            MultiplyRows(matrix, x, y, 0, matrix.RowCount);
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, threads, options, part =>
        {
            var (first, end) = PartitionRows(matrix.Pattern, part, threads);
            MultiplyRows(matrix, x, y, first, end);
        });
    }

    /// <summary>Rows [first, end) of part <paramref name="part"/> of <paramref name="parts"/>, balanced by stored entries.</summary>
    internal static (int First, int End) PartitionRows(CsrPattern pattern, int part, int parts)
    {
        return (Boundary(pattern, part, parts), Boundary(pattern, part + 1, parts));

        static int Boundary(CsrPattern p, int k, int n)
        {
            if (k == 0)
            {
                return 0;
            }

            if (k == n)
            {
                return p.RowCount;
            }

            var target = (int)((long)p.NonZeroCount * k / n);
            var i = Array.BinarySearch(p.RowPointers, 0, p.RowCount + 1, target);
            if (i < 0)
            {
                i = ~i;
            }

            return Math.Min(i, p.RowCount);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyRows(CsrMatrix matrix, double[] x, double[] y, int first, int end)
    {
        var pointers = matrix.Pattern.RowPointers;
        var columns = matrix.Pattern.ColumnIndices;
        var values = matrix.Values;
        for (var r = first; r < end; r++)
        {
            var sum = 0.0;
            var stop = pointers[r + 1];
            for (var k = pointers[r]; k < stop; k++)
            {
                sum += values[k] * x[columns[k]];
            }

            y[r] = sum;
        }
    }
}
