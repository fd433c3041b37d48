using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Twins.Calibration;

/// <summary>
/// Online calibration of a component's Young's modulus from its strain gauges, with each gauge's
/// zero offset and, where asked, its linear drift estimated alongside.
/// </summary>
/// <remarks>
/// For a linear-elastic part of one isotropic material the strain at a point is exactly
/// proportional to 1/E at fixed Poisson's ratio, so with the prediction p made at the nominal
/// modulus E0 a gauge g reads m = s p + d0_g + d1_g t with s = E0 / E. The parameters
/// [s, d0_1, d1_1, d0_2, d1_2, ...] are estimated by <see cref="RecursiveLeastSquares"/>; E = E0 / s,
/// its standard deviation by the delta method and its interval by mapping the interval of s
/// (1/x is monotone). When the residuals scatter more than the gauges' stated noise, the posterior
/// is widened by the ratio squared, so a model that does not fit cannot claim the gauges' precision.
/// </remarks>
public sealed class ModulusCalibration
{
    private readonly RecursiveLeastSquares _rls;
    private readonly double _nominalModulusPa;
    private readonly double[] _noiseVariance;
    private readonly double[] _phi;

    /// <summary>Creates the calibration.</summary>
    /// <param name="nominalModulusPa">The modulus the predictions are made with.</param>
    /// <param name="gaugeNoiseStd">Each gauge's one-sigma noise (strain).</param>
    /// <param name="estimateDrift">Per gauge: estimate a linear drift (else only a constant offset).</param>
    /// <param name="priorRelativeStd">Prior relative uncertainty of the scale s (for example 0.1).</param>
    /// <param name="priorOffsetStd">Prior standard deviation of each zero offset (strain).</param>
    /// <param name="priorDriftStdPerHour">Prior standard deviation of each drift rate (strain per hour).</param>
    public ModulusCalibration(
        double nominalModulusPa,
        IReadOnlyList<double> gaugeNoiseStd,
        IReadOnlyList<bool> estimateDrift,
        double priorRelativeStd = 0.1,
        double priorOffsetStd = 100e-6,
        double priorDriftStdPerHour = 100e-6)
    {
        if (gaugeNoiseStd.Count == 0 || gaugeNoiseStd.Count != estimateDrift.Count)
        {
            throw new ArgumentException("one noise level and one drift flag per gauge are needed");
        }

        _nominalModulusPa = nominalModulusPa;
        var gauges = gaugeNoiseStd.Count;
        var mean = new double[1 + (2 * gauges)];
        var sd = new double[mean.Length];
        mean[0] = 1.0;
        sd[0] = priorRelativeStd;
        _noiseVariance = new double[gauges];
        for (var g = 0; g < gauges; g++)
        {
            sd[1 + (2 * g)] = priorOffsetStd;

            // A gauge without drift gets a prior so tight that its drift stays at zero.
            sd[2 + (2 * g)] = estimateDrift[g] ? priorDriftStdPerHour : 1e-15;
            _noiseVariance[g] = gaugeNoiseStd[g] * gaugeNoiseStd[g];
        }

        _rls = new RecursiveLeastSquares(mean, sd, gaugeNoiseStd[0]);
        _phi = new double[mean.Length];
    }

    /// <summary>Observations absorbed.</summary>
    public long Observations => _rls.Observations;

    /// <summary>The modulus the predictions are made with, Pa.</summary>
    public double NominalModulusPa => _nominalModulusPa;

    /// <summary>Absorbs one reading of gauge <paramref name="gauge"/>; returns the a-priori residual.</summary>
    /// <param name="gauge">Gauge index.</param>
    /// <param name="predictedStrain">Prediction at the nominal modulus, without offset.</param>
    /// <param name="measuredStrain">The gauge reading.</param>
    /// <param name="hoursSinceStart">Time since the feed began, hours (for the drift term).</param>
    public double Update(int gauge, double predictedStrain, double measuredStrain, double hoursSinceStart)
    {
        Array.Clear(_phi);
        _phi[0] = predictedStrain;
        _phi[1 + (2 * gauge)] = 1.0;
        _phi[2 + (2 * gauge)] = hoursSinceStart;
        return _rls.Update(_phi, measuredStrain, _noiseVariance[gauge]);
    }

    /// <summary>The calibrated prediction for a gauge: s p + offset(t).</summary>
    public double Calibrated(int gauge, double predictedStrain, double hoursSinceStart) =>
        (_rls.Mean[0] * predictedStrain) + Offset(gauge, hoursSinceStart);

    /// <summary>The gauge's offset (zero error plus drift) at a time, strain.</summary>
    public double Offset(int gauge, double hoursSinceStart) =>
        _rls.Mean[1 + (2 * gauge)] + (_rls.Mean[2 + (2 * gauge)] * hoursSinceStart);

    /// <summary>Standard deviation of <see cref="Offset"/> at a time.</summary>
    public double OffsetStd(int gauge, double hoursSinceStart)
    {
        var a = 1 + (2 * gauge);
        var b = a + 1;
        var v = _rls.Variance(a) + (2 * hoursSinceStart * _rls.Covariance(a, b)) + (hoursSinceStart * hoursSinceStart * _rls.Variance(b));
        return Math.Sqrt(Math.Max(0, v * Inflation));
    }

    /// <summary>A gauge's drift rate, strain per hour, with its standard deviation.</summary>
    public (double Rate, double Std) DriftPerHour(int gauge)
    {
        var b = 2 + (2 * gauge);
        return (_rls.Mean[b], Math.Sqrt(_rls.Variance(b) * Inflation));
    }

    /// <summary>Root mean square of the a-priori residuals, strain.</summary>
    public double ResidualRms => _rls.ResidualRms;

    /// <summary>
    /// Posterior variance inflation: the squared RMS of the noise-normalised residuals when the fit
    /// is worse than the gauges' noise, else 1.
    /// </summary>
    public double Inflation
    {
        get
        {
            var ratio = _rls.Observations > 10 ? _rls.NormalizedResidualRms : 1.0;
            return Math.Max(1.0, ratio * ratio);
        }
    }

    /// <summary>The scale s = E0 / E with its posterior uncertainty at <paramref name="level"/>.</summary>
    public UncertainValue Scale(double level = 0.90) =>
        UncertainValue.Normal(_rls.Mean[0], Math.Sqrt(_rls.Variance(0) * Inflation), level);

    /// <summary>The calibrated modulus in Pa with its interval at <paramref name="level"/>.</summary>
    public UncertainValue Modulus(double level = 0.90)
    {
        var s = Scale(level);
        var mean = _nominalModulusPa / s.Mean;
        var sd = _nominalModulusPa * s.StandardDeviation / (s.Mean * s.Mean);
        return new UncertainValue(mean, sd, _nominalModulusPa / s.Upper, _nominalModulusPa / s.Lower, level);
    }
}
