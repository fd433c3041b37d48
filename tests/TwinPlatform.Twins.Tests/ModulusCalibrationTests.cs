using TwinPlatform.Twins.Calibration;

namespace TwinPlatform.Twins.Tests;

public sealed class ModulusCalibrationTests
{
    [Theory]
    [InlineData(0.96, 1)]
    [InlineData(1.03, 2)]
    [InlineData(0.90, 3)]
    public void Modulus_FromSyntheticGauge_RecoversTrueValueWithinInterval(double trueOverNominal, int seed)
    {
        const double nominal = 205e9;
        const double noise = 2e-6;
        var trueModulus = nominal * trueOverNominal;
        var rng = new Random(seed);
        var calibration = new ModulusCalibration(nominal, [noise], [true]);
        for (var i = 0; i < 3000; i++)
        {
            var hours = i / 5.0 / 3600;
            var load = (i / 50 % 3) * 4000.0;                   // steps of 0, 4 and 8 kN
            var predicted = 40e-9 * load;                        // strain per newton at the nominal modulus
            var measured = (predicted * nominal / trueModulus) + 3e-6 + (8e-6 * hours) + (noise * RecursiveLeastSquaresTests.Gaussian(rng));
            calibration.Update(0, predicted, measured, hours);
        }

        var e = calibration.Modulus(0.90);
        Assert.True(e.Contains(trueModulus), $"true {trueModulus:E4} outside [{e.Lower:E4}, {e.Upper:E4}]");
        Assert.True(e.StandardDeviation / e.Mean < 0.005, "3000 samples at 2 microstrain pin E to better than 0.5%");
        var (rate, rateStd) = calibration.DriftPerHour(0);
        Assert.True(Math.Abs(rate - 8e-6) < 4 * rateStd, $"drift {rate:E3} vs 8e-6 (sd {rateStd:E2})");
        Assert.Equal(1.0, calibration.Inflation, 0.2);
    }

    [Fact]
    public void Modulus_WhenModelDoesNotFit_WidensInterval()
    {
        const double nominal = 200e9;
        var fits = new ModulusCalibration(nominal, [1e-6], [false]);
        var misfits = new ModulusCalibration(nominal, [1e-6], [false]);
        var rng = new Random(5);
        for (var i = 0; i < 1000; i++)
        {
            var predicted = (i % 10) * 1e-5;
            fits.Update(0, predicted, predicted + (1e-6 * RecursiveLeastSquaresTests.Gaussian(rng)), 0);

            // Unmodelled scatter ten times the stated noise.
            misfits.Update(0, predicted, predicted + (1e-5 * RecursiveLeastSquaresTests.Gaussian(rng)), 0);
        }

        Assert.True(misfits.Inflation > 50, $"inflation {misfits.Inflation}");
        Assert.True(misfits.Modulus().Width > 5 * fits.Modulus().Width);
    }
}
