namespace TwinPlatform.Simulation.Sparse;

/// <summary>
/// The sparsity pattern of a compressed-sparse-row matrix: row pointers and column indices, sorted
/// ascending within each row. Several matrices may share one pattern.
/// </summary>
public sealed class CsrPattern
{
    /// <summary>Creates a pattern; the arrays are kept, not copied.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="columnCount">Number of columns.</param>
    /// <param name="rowPointers"><paramref name="rowCount"/> + 1 offsets into <paramref name="columnIndices"/>, non-decreasing, starting at 0.</param>
    /// <param name="columnIndices">Column of each stored entry, strictly ascending within a row.</param>
    /// <exception cref="ArgumentException">The arrays do not form a valid sorted CSR structure.</exception>
    public CsrPattern(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        if (rowPointers.Length != rowCount + 1 || rowPointers[0] != 0 || rowPointers[rowCount] != columnIndices.Length)
        {
            throw new ArgumentException($"row pointers must have {rowCount + 1} entries from 0 to {columnIndices.Length}");
        }

        for (var r = 0; r < rowCount; r++)
        {
            for (var k = rowPointers[r]; k < rowPointers[r + 1]; k++)
            {
                var c = columnIndices[k];
                if ((uint)c >= (uint)columnCount || (k > rowPointers[r] && c <= columnIndices[k - 1]))
                {
                    throw new ArgumentException($"row {r}: column indices must be ascending and below {columnCount} (found {c} at entry {k})");
                }
            }
        }

        RowCount = rowCount;
        ColumnCount = columnCount;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Row start offsets (<see cref="RowCount"/> + 1 entries).</summary>
    public int[] RowPointers { get; }

    /// <summary>Column index of each stored entry.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => ColumnIndices.Length;

    /// <summary>Position of entry (<paramref name="row"/>, <paramref name="column"/>) in the value array, or -1 if it is not stored.</summary>
    public int Find(int row, int column)
    {
        var k = Array.BinarySearch(ColumnIndices, RowPointers[row], RowPointers[row + 1] - RowPointers[row], column);
        return k >= 0 ? k : -1;
    }
}
