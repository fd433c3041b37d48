using TwinPlatform.Simulation.Constitutive;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Per-material elastic and thermal constants of a static solve, indexed by each element's material.</summary>
internal sealed class ElasticProperties
{
    public ElasticProperties(IReadOnlyList<SolidMaterial> materials, int[] materialOf, IsotropicElastic?[] laws)
    {
        Materials = materials;
        MaterialOf = materialOf;
        Laws = laws;
        Lambda = new double[laws.Length];
        Mu = new double[laws.Length];
        Alpha = new double[laws.Length];
        for (var m = 0; m < laws.Length; m++)
        {
            if (laws[m] is { } law)
            {
                Lambda[m] = law.LambdaPa;
                Mu[m] = law.ShearModulusPa;
            }

            Alpha[m] = materials[m].ThermalExpansionPerK ?? 0;
        }
    }

    /// <summary>The distinct materials.</summary>
    public IReadOnlyList<SolidMaterial> Materials { get; }

    /// <summary>Material index per element.</summary>
    public int[] MaterialOf { get; }

    /// <summary>Elastic law per material (null for materials no element uses).</summary>
    public IsotropicElastic?[] Laws { get; }

    /// <summary>Lamé lambda per material, Pa.</summary>
    public double[] Lambda { get; }

    /// <summary>Shear modulus per material, Pa.</summary>
    public double[] Mu { get; }

    /// <summary>Secant thermal expansion per material, 1/K (0 where absent; loads check presence).</summary>
    public double[] Alpha { get; }
}
