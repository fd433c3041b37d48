using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Mass matrices integrated with each element's stiffness rule (<see cref="MassIntegration.StiffnessRule"/>).</summary>
/// <param name="MaterialOf">Material index of each element.</param>
/// <param name="Density">Density per material, kg/m^3.</param>
internal readonly record struct StiffnessRuleMassMatrix(int[] MaterialOf, double[] Density) : IElementMatrix
{
    public bool Compute<TKernel>(TKernel kernel, int element, ReadOnlySpan<double> xyz, Span<double> matrix)
        where TKernel : struct, IElementKernel =>
        ElementIntegrals.Mass(ElementRules.Of(kernel.ElementType).Stiffness, xyz, Density[MaterialOf[element]], matrix);
}
