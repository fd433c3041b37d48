namespace TwinPlatform.Simulation.Sparse;

/// <summary>
/// Compressed-sparse-row storage: a <see cref="CsrPattern"/> and one value per stored entry. Storage only;
/// products and solvers live in <see cref="SparseAlgebra"/> and the Solvers namespace.
/// </summary>
/// <remarks>
/// Symmetric matrices are stored in full (both triangles), which lets row-partitioned products run in
/// parallel without write conflicts.
/// </remarks>
public sealed class CsrMatrix
{
    /// <summary>Creates a matrix on <paramref name="pattern"/> with the given values, or zeros.</summary>
    public CsrMatrix(CsrPattern pattern, double[]? values = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (values is not null && values.Length != pattern.NonZeroCount)
        {
            throw new ArgumentException($"{values.Length} values for {pattern.NonZeroCount} stored entries", nameof(values));
        }

        Pattern = pattern;
        Values = values ?? new double[pattern.NonZeroCount];
    }

    /// <summary>The sparsity pattern.</summary>
    public CsrPattern Pattern { get; }

    /// <summary>Values of the stored entries, in pattern order.</summary>
    public double[] Values { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Pattern.RowCount;

    /// <summary>Number of columns.</summary>
    public int ColumnCount => Pattern.ColumnCount;

    /// <summary>Bytes held by the values and the pattern.</summary>
    public long SizeInBytes => (8L * Values.Length) + (4L * Pattern.ColumnIndices.Length) + (4L * Pattern.RowPointers.Length);

    /// <summary>Entry (<paramref name="row"/>, <paramref name="column"/>), zero if not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            var k = Pattern.Find(row, column);
            return k >= 0 ? Values[k] : 0.0;
        }
    }

    /// <summary>A CSR copy of a dense matrix, storing the entries whose magnitude exceeds <paramref name="dropTolerance"/> and every diagonal entry.</summary>
    public static CsrMatrix FromDense(double[,] dense, double dropTolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(dense);
        int rows = dense.GetLength(0), columns = dense.GetLength(1);
        var pointers = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (r == c || Math.Abs(dense[r, c]) > dropTolerance)
                {
                    indices.Add(c);
                    values.Add(dense[r, c]);
                }
            }

            pointers[r + 1] = indices.Count;
        }

        return new CsrMatrix(new CsrPattern(rows, columns, pointers, [.. indices]), [.. values]);
    }

    /// <summary>The diagonal entries (zero where not stored).</summary>
    public double[] Diagonal()
    {
        var n = Math.Min(RowCount, ColumnCount);
        var d = new double[n];
        for (var r = 0; r < n; r++)
        {
            var k = Pattern.Find(r, r);
            d[r] = k >= 0 ? Values[k] : 0.0;
        }

        return d;
    }
}
