using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>Diagonal (Jacobi) preconditioner: M = diag(A).</summary>
public sealed class JacobiPreconditioner : IPreconditioner
{
    private double[] _inverseDiagonal = [];

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A diagonal entry is not positive (the matrix cannot be SPD).</exception>
    public void Initialize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var d = matrix.Diagonal();
        for (var i = 0; i < d.Length; i++)
        {
            if (!(d[i] > 0))
            {
                throw new ArgumentException($"diagonal entry {i} is {d[i]:G3}; a symmetric positive definite matrix has a positive diagonal", nameof(matrix));
            }

            d[i] = 1.0 / d[i];
        }

        _inverseDiagonal = d;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<double> input, Span<double> result)
    {
        var inv = _inverseDiagonal;
        for (var i = 0; i < inv.Length; i++)
        {
            result[i] = input[i] * inv[i];
        }
    }
}
