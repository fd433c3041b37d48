using TwinPlatform.Twins.Monitoring;

namespace TwinPlatform.Twins.Tests;

public sealed class ResidualMonitorTests
{
    private const double Noise = 2e-6;
    private static readonly long T0 = new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void PureNoise_FalseAlarmsAreRare()
    {
        // 200,000 readings of pure noise (11 hours at 5 Hz). A two-sided CUSUM with k = 0.5 and
        // h = 12 has an in-control run length of a few hundred thousand readings, and a 6-sigma
        // reading has probability 2e-9: at most two drift alarms and no anomaly.
        var monitor = new ResidualMonitor("c", "SG1", Noise);
        var events = new List<TwinEvent>();
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            monitor.Observe(T0 + (i * TimeSpan.TicksPerSecond / 5), Gaussian(random) * Noise, 1e6, "microstrain", events);
        }

        Assert.DoesNotContain(events, e => e.Kind == TwinEventKind.Anomaly);
        Assert.InRange(events.Count(e => e.Kind == TwinEventKind.Drift), 0, 2);
    }

    [Fact]
    public void Spike_RaisesOneAnomaly_AndHoldsOffTheNext()
    {
        var monitor = new ResidualMonitor("c", "SG1", Noise);
        var events = new List<TwinEvent>();
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var spike = i is 500 or 501 ? 20 * Noise : 0;
            monitor.Observe(T0 + (i * TimeSpan.TicksPerSecond / 5), (Gaussian(random) * Noise) + spike, 1e6, "microstrain", events);
        }

        var anomaly = Assert.Single(events);
        Assert.Equal(TwinEventKind.Anomaly, anomaly.Kind);
        Assert.Equal(T0 + (500 * TimeSpan.TicksPerSecond / 5), anomaly.TimestampUtcTicks);
        Assert.Equal(2, monitor.Anomalies);
        Assert.Contains("SG1", anomaly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepShiftOfOneSigma_IsFoundByTheCusumWithinFortyReadings()
    {
        var monitor = new ResidualMonitor("c", "SG1", Noise);
        var events = new List<TwinEvent>();
        var random = new Random(11);
        var detectedAt = -1;
        for (var i = 0; i < 2000 && detectedAt < 0; i++)
        {
            var shift = i >= 1000 ? 1.0 * Noise : 0;
            monitor.Observe(T0 + i, (Gaussian(random) * Noise) + shift, 1e6, "microstrain", events);
            if (events.Count > 0)
            {
                detectedAt = i;
            }
        }

        // With k = 0.5 and h = 12 the expected delay for a one-sigma shift is about 26 readings.
        Assert.InRange(detectedAt, 1000, 1040);
        Assert.Equal(TwinEventKind.Drift, events[0].Kind);
    }

    [Fact]
    public void SignificantZeroDrift_RaisesOnce_InsignificantDoesNot()
    {
        var monitor = new ResidualMonitor("c", "SG1", Noise);
        var events = new List<TwinEvent>();
        for (var i = 0; i < 100; i++)
        {
            monitor.Observe(T0 + i, 0, 1e6, "microstrain", events);
        }

        // 6 microstrain/h known to +-0.5 after 10 minutes: 1 microstrain accumulated, below 3 noise sd.
        monitor.ObserveDrift(T0, 6e-6, 0.5e-6, 1.0 / 6, 1e6, "microstrain", events);
        Assert.Empty(events);

        // After 2 hours the same rate has moved the zero by 12 microstrain: raised, once.
        monitor.ObserveDrift(T0, 6e-6, 0.5e-6, 2, 1e6, "microstrain", events);
        monitor.ObserveDrift(T0, 6e-6, 0.5e-6, 2.1, 1e6, "microstrain", events);
        var drift = Assert.Single(events);
        Assert.Equal(TwinEventKind.Drift, drift.Kind);
        Assert.Equal(12, drift.Severity, 6);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
