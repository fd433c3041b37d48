using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Solvers;

/// <summary>An approximate inverse M^-1 of a matrix, applied once per solver iteration.</summary>
/// <remarks>
/// Call <see cref="Initialize"/> once per matrix; the initialised preconditioner may then serve any number
/// of right-hand sides. <see cref="Apply"/> must not be called concurrently on one instance.
/// </remarks>
public interface IPreconditioner
{
    /// <summary>Builds the preconditioner for <paramref name="matrix"/> (square, symmetric positive definite).</summary>
    void Initialize(CsrMatrix matrix);

    /// <summary>result = M^-1 input.</summary>
    void Apply(ReadOnlySpan<double> input, Span<double> result);
}
