namespace TwinPlatform.Simulation.Constitutive;

/// <summary>Isotropic linear elastic material: Young's modulus, Poisson's ratio and (for gravity) density.</summary>
public sealed class IsotropicElastic
{
    /// <summary>Creates the material.</summary>
    /// <param name="youngsModulusPa">Young's modulus E, Pa (&gt; 0).</param>
    /// <param name="poissonRatio">Poisson's ratio nu, in (-1, 0.5).</param>
    /// <param name="densityKgPerM3">Mass density, kg/m^3 (only body-acceleration loads use it).</param>
    public IsotropicElastic(double youngsModulusPa, double poissonRatio, double densityKgPerM3 = 0)
    {
        if (!(youngsModulusPa > 0) || double.IsInfinity(youngsModulusPa))
        {
            throw new ArgumentOutOfRangeException(nameof(youngsModulusPa), youngsModulusPa, "Young's modulus must be a positive number of pascals");
        }

        if (!(poissonRatio > -1 && poissonRatio < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(poissonRatio), poissonRatio, "Poisson's ratio must lie in (-1, 0.5)");
        }

        if (!(densityKgPerM3 >= 0) || double.IsInfinity(densityKgPerM3))
        {
            throw new ArgumentOutOfRangeException(nameof(densityKgPerM3), densityKgPerM3, "density must be zero or positive, kg/m^3");
        }

        YoungsModulusPa = youngsModulusPa;
        PoissonRatio = poissonRatio;
        DensityKgPerM3 = densityKgPerM3;
        ShearModulusPa = youngsModulusPa / (2 * (1 + poissonRatio));
        LambdaPa = youngsModulusPa * poissonRatio / ((1 + poissonRatio) * (1 - (2 * poissonRatio)));
    }

    /// <summary>Young's modulus E, Pa.</summary>
    public double YoungsModulusPa { get; }

    /// <summary>Poisson's ratio.</summary>
    public double PoissonRatio { get; }

    /// <summary>Density, kg/m^3.</summary>
    public double DensityKgPerM3 { get; }

    /// <summary>Shear modulus G = mu = E / (2 (1 + nu)), Pa.</summary>
    public double ShearModulusPa { get; }

    /// <summary>Lamé's first parameter lambda = E nu / ((1 + nu)(1 - 2 nu)), Pa.</summary>
    public double LambdaPa { get; }

    /// <summary>Stress from a strain tensor: sigma = lambda tr(eps) I + 2 mu eps.</summary>
    public SymmetricTensor Stress(SymmetricTensor strain)
    {
        var l = LambdaPa * strain.Trace;
        var m2 = 2 * ShearModulusPa;
        return new SymmetricTensor(
            l + (m2 * strain.XX),
            l + (m2 * strain.YY),
            l + (m2 * strain.ZZ),
            m2 * strain.XY,
            m2 * strain.YZ,
            m2 * strain.ZX);
    }
}
