using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>
/// A single-precision copy of a CSR matrix whose consecutive rows with identical column lists (the free
/// components of one node in a finite-element matrix) share one column list: values of a group of m rows are
/// stored column by column (m per column), so a product reads each column index and each x entry once per group.
/// </summary>
/// <remarks>
/// For a 3-dof node pattern this moves about 5.3 bytes per stored entry instead of 12 (double CSR). Used inside
/// preconditioners, where single precision is enough; products are row-partitioned and parallel like
/// <see cref="SparseAlgebra.Multiply"/>, accumulate in double and do not depend on the thread count.
/// </remarks>
internal sealed class RowGroupedMatrix
{
    private const int MaxGroup = 3;

    private readonly int[] _groupRows;      // first row of each group, plus RowCount at the end
    private readonly int[] _groupColumns;   // offset of each group's column list in _columns
    private readonly int[] _columns;
    private readonly int[] _valueOffsets;   // offset of each group's values
    private readonly float[] _values;
    private readonly int[] _partition;      // group boundaries of the parallel parts

    public RowGroupedMatrix(CsrMatrix matrix, int maxDegreeOfParallelism)
    {
        var p = matrix.Pattern.RowPointers;
        var c = matrix.Pattern.ColumnIndices;
        var n = matrix.RowCount;
        var groupRows = new List<int>(n / 2);
        for (var r = 0; r < n;)
        {
            groupRows.Add(r);
            var m = 1;
            while (m < MaxGroup && r + m < n && SameColumns(p, c, r, r + m))
            {
                m++;
            }

            r += m;
        }

        groupRows.Add(n);
        _groupRows = [.. groupRows];
        var groups = _groupRows.Length - 1;
        _groupColumns = new int[groups + 1];
        _valueOffsets = new int[groups + 1];
        for (var g = 0; g < groups; g++)
        {
            var r = _groupRows[g];
            var length = p[r + 1] - p[r];
            _groupColumns[g + 1] = _groupColumns[g] + length;
            _valueOffsets[g + 1] = _valueOffsets[g] + (length * (_groupRows[g + 1] - r));
        }

        _columns = new int[_groupColumns[groups]];
        _values = new float[_valueOffsets[groups]];
        var v = matrix.Values;
        for (var g = 0; g < groups; g++)
        {
            var r0 = _groupRows[g];
            var m = _groupRows[g + 1] - r0;
            var length = p[r0 + 1] - p[r0];
            Array.Copy(c, p[r0], _columns, _groupColumns[g], length);
            for (var i = 0; i < m; i++)
            {
                for (var k = 0; k < length; k++)
                {
                    _values[_valueOffsets[g] + (k * m) + i] = (float)v[p[r0 + i] + k];
                }
            }
        }

        RowCount = n;
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var parts = _values.Length < SparseAlgebra.ParallelThreshold ? 1 : threads;
        _partition = new int[parts + 1];
        for (var k = 1; k <= parts; k++)
        {
            var target = (long)_values.Length * k / parts;
            var i = Array.BinarySearch(_valueOffsets, (int)target);
            _partition[k] = k == parts ? groups : Math.Min(i < 0 ? ~i : i, groups);
        }
    }

    public int RowCount { get; }

    public long SizeInBytes => (4L * _values.Length) + (4L * (_columns.Length + _groupRows.Length + _groupColumns.Length + _valueOffsets.Length));

    /// <summary>y = A x.</summary>
    public void Multiply(double[] x, double[] y)
    {
        var parts = _partition.Length - 1;
        if (parts == 1)
        {
            MultiplyGroups(x, y, 0, _partition[1]);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part => MultiplyGroups(x, y, _partition[part], _partition[part + 1]));
    }

    private static bool SameColumns(int[] p, int[] c, int a, int b)
    {
        var length = p[a + 1] - p[a];
        return length == p[b + 1] - p[b] && c.AsSpan(p[a], length).SequenceEqual(c.AsSpan(p[b], length));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyGroups(double[] x, double[] y, int firstGroup, int endGroup)
    {
        var columns = _columns;
        var values = _values;
        for (var g = firstGroup; g < endGroup; g++)
        {
            var r0 = _groupRows[g];
            var m = _groupRows[g + 1] - r0;
            var c0 = _groupColumns[g];
            var length = _groupColumns[g + 1] - c0;
            var w = _valueOffsets[g];
            if (m == 3)
            {
                double s0 = 0, s1 = 0, s2 = 0;
                for (var k = 0; k < length; k++)
                {
                    var xk = x[columns[c0 + k]];
                    s0 += values[w] * xk;
                    s1 += values[w + 1] * xk;
                    s2 += values[w + 2] * xk;
                    w += 3;
                }

                y[r0] = s0;
                y[r0 + 1] = s1;
                y[r0 + 2] = s2;
            }
            else
            {
                for (var i = 0; i < m; i++)
                {
                    var s = 0.0;
                    for (var k = 0; k < length; k++)
                    {
                        s += values[w + (k * m) + i] * x[columns[c0 + k]];
                    }

                    y[r0 + i] = s;
                }
            }
        }
    }
}
