using TwinPlatform.Simulation.Elements;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>Consistent mass with a density per material.</summary>
/// <param name="MaterialOf">Material index of each element.</param>
/// <param name="Density">Density per material, kg/m^3.</param>
internal readonly record struct MassMatrix(int[] MaterialOf, double[] Density) : IElementMatrix
{
    public bool Compute<TKernel>(TKernel kernel, int element, ReadOnlySpan<double> xyz, Span<double> matrix)
        where TKernel : struct, IElementKernel =>
        ElementIntegrals.Mass(ElementRules.Of(kernel.ElementType), xyz, Density[MaterialOf[element]], matrix);
}
