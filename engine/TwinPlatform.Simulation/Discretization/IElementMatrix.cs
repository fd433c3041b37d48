using TwinPlatform.Simulation.Elements;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>An element matrix for <see cref="MatrixAssembler"/>: stiffness, mass or conductivity.</summary>
internal interface IElementMatrix
{
    /// <summary>
    /// The (DofsPerNode n)^2 row-major matrix of global element <paramref name="element"/> with node
    /// coordinates <paramref name="xyz"/>; false if the element is inverted or degenerate.
    /// </summary>
    bool Compute<TKernel>(TKernel kernel, int element, ReadOnlySpan<double> xyz, Span<double> matrix)
        where TKernel : struct, IElementKernel;
}
