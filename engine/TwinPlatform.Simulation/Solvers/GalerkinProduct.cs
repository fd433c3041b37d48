using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>Sparse products a multigrid hierarchy needs: the transpose and the Galerkin triple product Pᵀ A P.</summary>
internal static class GalerkinProduct
{
    /// <summary>Pᵀ as CSR (columns ascending within each row).</summary>
    public static CsrMatrix Transpose(CsrMatrix p)
    {
        var rows = p.RowCount;
        var cols = p.ColumnCount;
        var pp = p.Pattern.RowPointers;
        var pc = p.Pattern.ColumnIndices;
        var pv = p.Values;
        var pointers = new int[cols + 1];
        foreach (var c in pc)
        {
            pointers[c + 1]++;
        }

        for (var c = 0; c < cols; c++)
        {
            pointers[c + 1] += pointers[c];
        }

        var next = (int[])pointers.Clone();
        var columns = new int[pc.Length];
        var values = new double[pc.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var k = pp[r]; k < pp[r + 1]; k++)
            {
                var at = next[pc[k]]++;
                columns[at] = r;
                values[at] = pv[k];
            }
        }

        return new CsrMatrix(new CsrPattern(cols, rows, pointers, columns), values);
    }

    /// <summary>
    /// A_c = R A P with R = Pᵀ given explicitly, row by row of A_c in parallel (each thread owns whole rows and a
    /// marker array over the coarse columns). The result is independent of the thread count.
    /// </summary>
    public static CsrMatrix Multiply(CsrMatrix r, CsrMatrix a, CsrMatrix p, int maxDegreeOfParallelism)
    {
        var n = r.RowCount;
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var parts = Math.Max(1, Math.Min(threads * 8, n / 256));

        // Pass 1: the number of distinct columns per coarse row.
        var counts = new int[n + 1];
        Parallel.For(0, parts, options, part =>
        {
            var marker = new int[p.ColumnCount];
            Array.Fill(marker, -1);
            var (first, end) = Range(n, part, parts);
            for (var i = first; i < end; i++)
            {
                counts[i + 1] = CountRow(r, a, p, i, marker);
            }
        });
        for (var i = 0; i < n; i++)
        {
            counts[i + 1] += counts[i];
        }

        // Pass 2: columns (sorted) and values.
        var columns = new int[counts[n]];
        var values = new double[counts[n]];
        Parallel.For(0, parts, options, part =>
        {
            var marker = new int[p.ColumnCount];
            Array.Fill(marker, -1);
            var (first, end) = Range(n, part, parts);
            for (var i = first; i < end; i++)
            {
                FillRow(r, a, p, i, marker, counts[i], columns, values);
            }
        });
        return new CsrMatrix(new CsrPattern(n, p.ColumnCount, counts, columns), values);
    }

    private static (int First, int End) Range(int n, int part, int parts) =>
        ((int)((long)n * part / parts), (int)((long)n * (part + 1) / parts));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountRow(CsrMatrix r, CsrMatrix a, CsrMatrix p, int i, int[] marker)
    {
        int[] rp = r.Pattern.RowPointers, rc = r.Pattern.ColumnIndices;
        int[] ap = a.Pattern.RowPointers, ac = a.Pattern.ColumnIndices;
        int[] pp = p.Pattern.RowPointers, pc = p.Pattern.ColumnIndices;
        var count = 0;
        for (var k = rp[i]; k < rp[i + 1]; k++)
        {
            var f = rc[k];
            for (var m = ap[f]; m < ap[f + 1]; m++)
            {
                var j = ac[m];
                for (var q = pp[j]; q < pp[j + 1]; q++)
                {
                    var c = pc[q];
                    if (marker[c] != i)
                    {
                        marker[c] = i;
                        count++;
                    }
                }
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillRow(CsrMatrix r, CsrMatrix a, CsrMatrix p, int i, int[] marker, int start, int[] columns, double[] values)
    {
        int[] rp = r.Pattern.RowPointers, rc = r.Pattern.ColumnIndices;
        int[] ap = a.Pattern.RowPointers, ac = a.Pattern.ColumnIndices;
        int[] pp = p.Pattern.RowPointers, pc = p.Pattern.ColumnIndices;
        double[] rv = r.Values, av = a.Values, pv = p.Values;

        // Marker holds -1 here (reset below): first collect and sort the columns, then map column -> slot.
        var end = start;
        for (var k = rp[i]; k < rp[i + 1]; k++)
        {
            var f = rc[k];
            for (var m = ap[f]; m < ap[f + 1]; m++)
            {
                var j = ac[m];
                for (var q = pp[j]; q < pp[j + 1]; q++)
                {
                    var c = pc[q];
                    if (marker[c] < 0)
                    {
                        marker[c] = 0;
                        columns[end++] = c;
                    }
                }
            }
        }

        Array.Sort(columns, start, end - start);
        for (var s = start; s < end; s++)
        {
            marker[columns[s]] = s;
            values[s] = 0;
        }

        for (var k = rp[i]; k < rp[i + 1]; k++)
        {
            var f = rc[k];
            var wf = rv[k];
            for (var m = ap[f]; m < ap[f + 1]; m++)
            {
                var j = ac[m];
                var wa = wf * av[m];
                for (var q = pp[j]; q < pp[j + 1]; q++)
                {
                    values[marker[pc[q]]] += wa * pv[q];
                }
            }
        }

        for (var s = start; s < end; s++)
        {
            marker[columns[s]] = -1;
        }
    }
}
