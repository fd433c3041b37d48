using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;

namespace TwinPlatform.Prognostics.Blades;

/// <summary>
/// Reduced-order model of a rotating blade's centrifugal stress: one finite-element solve (built-in
/// static solver, CENTRIFUGAL body load at a reference speed) gives the nominal radial stress (the
/// section average) at the root check radius; since the load is ρ ω² r and the problem is linear, the stress at any speed is
/// <c>σ(ω) = (σ_ref / ω_ref²) ω²</c>.
/// </summary>
/// <remarks>Immutable once built; thread-safe. Small-displacement linear elasticity (no spin softening or stress stiffening).</remarks>
public sealed class BladeRom
{
    private BladeRom(BladeDescription description, double referenceSpeedRadPerS, double referenceStressPa, double densityKgPerM3, int nodes, int elements, int iterations)
    {
        Description = description;
        ReferenceSpeedRadPerS = referenceSpeedRadPerS;
        ReferenceStressPa = referenceStressPa;
        StressPerOmegaSquared = referenceStressPa / (referenceSpeedRadPerS * referenceSpeedRadPerS);
        DensityKgPerM3 = densityKgPerM3;
        NodeCount = nodes;
        ElementCount = elements;
        SolverIterations = iterations;
    }

    /// <summary>The blade geometry and mesh settings.</summary>
    public BladeDescription Description { get; }

    /// <summary>The speed of the finite-element solve, rad/s.</summary>
    public double ReferenceSpeedRadPerS { get; }

    /// <summary>Nominal radial stress (section average of σ_xx) at the check radius at the reference speed, Pa.</summary>
    public double ReferenceStressPa { get; }

    /// <summary>σ_ref / ω_ref², Pa s²: the ROM's one coefficient.</summary>
    public double StressPerOmegaSquared { get; }

    /// <summary>Density of the blade material used in the solve, kg/m³.</summary>
    public double DensityKgPerM3 { get; }

    /// <summary>Nodes of the finite-element mesh.</summary>
    public int NodeCount { get; }

    /// <summary>Elements of the finite-element mesh.</summary>
    public int ElementCount { get; }

    /// <summary>Conjugate-gradient iterations of the solve.</summary>
    public int SolverIterations { get; }

    /// <summary>Nominal radial stress at the check radius at <paramref name="omegaRadPerS"/>, Pa.</summary>
    public double StressAt(double omegaRadPerS) => StressPerOmegaSquared * omegaRadPerS * omegaRadPerS;

    /// <summary>Converts a shaft speed in revolutions per minute to rad/s.</summary>
    public static double RadPerS(double rpm) => rpm * 2.0 * Math.PI / 60.0;

    /// <summary>
    /// Radial stress at radius <paramref name="radiusM"/> of a uniform bar spinning about an axis
    /// perpendicular to it, free at its tip radius <paramref name="tipRadiusM"/>:
    /// equilibrium dσ/dr = -ρ ω² r with σ(tip) = 0 gives <c>σ(r) = ρ ω² (R_tip² - r²) / 2</c>
    /// (e.g. Timoshenko and Goodier, or any rotor-dynamics text on blade centrifugal stress).
    /// </summary>
    public static double AnalyticBarStressPa(double densityKgPerM3, double omegaRadPerS, double radiusM, double tipRadiusM) =>
        0.5 * densityKgPerM3 * omegaRadPerS * omegaRadPerS * ((tipRadiusM * tipRadiusM) - (radiusM * radiusM));

    /// <summary>Builds the blade mesh, solves the centrifugal load case at <paramref name="referenceSpeedRadPerS"/> and keeps the nominal stress at the check radius.</summary>
    /// <param name="description">Geometry and mesh.</param>
    /// <param name="material">Elastic constants and density (density &gt; 0).</param>
    /// <param name="referenceSpeedRadPerS">Speed of the solve, rad/s (&gt; 0).</param>
    /// <exception cref="ArgumentException">Invalid description, zero density or speed.</exception>
    public static BladeRom Build(BladeDescription description, IsotropicElastic material, double referenceSpeedRadPerS)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(material);
        description.Validate();
        if (!(material.DensityKgPerM3 > 0))
        {
            throw new ArgumentException("a centrifugal load needs a density", nameof(material));
        }

        if (!(referenceSpeedRadPerS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(referenceSpeedRadPerS), referenceSpeedRadPerS, "the reference speed must be positive");
        }

        var mesh = BladeMesh.Create(description, out var rootNodes, out var rootLineY, out var rootLineZ);
        var model = new StaticModel(mesh, material);
        foreach (var n in rootNodes)
        {
            model.Fix(n, DofComponents.X);
        }

        foreach (var n in rootLineY)
        {
            model.Fix(n, DofComponents.Y);
        }

        foreach (var n in rootLineZ)
        {
            model.Fix(n, DofComponents.Z);
        }

        var load = model.AddLoadCase("centrifugal").AddCentrifugal(new Vector3d(0, 0, 0), new Vector3d(0, 0, 1), referenceSpeedRadPerS);
        var results = model.Solve(new StaticSolveOptions { MaxDegreeOfParallelism = 1, RelativeTolerance = 1e-10 });
        var result = results[load];
        // Nominal stress: the section average of σ_xx at the check radius (4 x 4 Gauss-Legendre points
        // over thickness and chord), the quantity a stress concentration factor multiplies.
        ReadOnlySpan<double> gauss = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
        ReadOnlySpan<double> weight = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];
        double stress = 0;
        for (var j = 0; j < gauss.Length; j++)
        {
            for (var k = 0; k < gauss.Length; k++)
            {
                var point = new Vector3d(description.CheckPointRadiusM, 0.5 * description.ThicknessM * gauss[j], 0.5 * description.ChordM * gauss[k]);
                stress += 0.25 * weight[j] * weight[k] * result.Probe(point).Stress.XX;
            }
        }

        return new BladeRom(description, referenceSpeedRadPerS, stress, material.DensityKgPerM3, mesh.NodeCount, mesh.ElementCount, result.Iterations);
    }
}
