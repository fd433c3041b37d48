using TwinPlatform.Simulation.Elements;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>Isotropic elastic stiffness with Lamé parameters per material.</summary>
/// <param name="MaterialOf">Material index of each element.</param>
/// <param name="Lambda">Lamé's lambda per material, Pa.</param>
/// <param name="Mu">Shear modulus per material, Pa.</param>
internal readonly record struct StiffnessMatrix(int[] MaterialOf, double[] Lambda, double[] Mu) : IElementMatrix
{
    public bool Compute<TKernel>(TKernel kernel, int element, ReadOnlySpan<double> xyz, Span<double> matrix)
        where TKernel : struct, IElementKernel
    {
        var m = MaterialOf[element];
        return kernel.Stiffness(xyz, Lambda[m], Mu[m], matrix);
    }
}
