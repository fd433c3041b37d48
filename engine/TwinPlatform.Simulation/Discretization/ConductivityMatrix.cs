using TwinPlatform.Simulation.Elements;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>Isotropic conductivity with a conductivity per material (one dof per node).</summary>
/// <param name="MaterialOf">Material index of each element.</param>
/// <param name="Conductivity">Conductivity per material, W/(m K).</param>
internal readonly record struct ConductivityMatrix(int[] MaterialOf, double[] Conductivity) : IElementMatrix
{
    public bool Compute<TKernel>(TKernel kernel, int element, ReadOnlySpan<double> xyz, Span<double> matrix)
        where TKernel : struct, IElementKernel =>
        ElementIntegrals.Conductivity(ElementRules.Of(kernel.ElementType), xyz, Conductivity[MaterialOf[element]], matrix);
}
