namespace TwinPlatform.Twins.Monitoring;

/// <summary>
/// Watches one sensor's a-priori residuals (reading minus the calibrated prediction) and raises
/// events: an anomaly for a single reading far outside the noise, a drift when a two-sided CUSUM
/// of the standardised residuals shows their mean has shifted, or when the estimated zero drift is
/// significant and has accumulated past the noise.
/// </summary>
/// <remarks>One instance per sensor; not thread-safe (the twin's update loop owns it).</remarks>
public sealed class ResidualMonitor
{
    private readonly ResidualMonitorOptions _options;
    private long _observations;
    private double _cusumHigh;
    private double _cusumLow;
    private long? _lastAnomalyTicks;
    private bool _driftRaised;

    /// <summary>Creates a monitor for one sensor of one twin.</summary>
    public ResidualMonitor(string twin, string sensor, double noiseStd, ResidualMonitorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(noiseStd);
        Twin = twin;
        Sensor = sensor;
        NoiseStd = noiseStd;
        _options = options ?? new ResidualMonitorOptions();
    }

    /// <summary>The twin.</summary>
    public string Twin { get; }

    /// <summary>The sensor.</summary>
    public string Sensor { get; }

    /// <summary>The sensor's noise standard deviation, SI.</summary>
    public double NoiseStd { get; }

    /// <summary>Readings beyond the anomaly threshold, including those not reported because of the hold-off.</summary>
    public long Anomalies { get; private set; }

    /// <summary>Residual-shift detections.</summary>
    public long Shifts { get; private set; }

    /// <summary>Takes one a-priori residual; adds any event it raises to <paramref name="events"/>.</summary>
    /// <param name="ticks">The reading's time, UTC ticks.</param>
    /// <param name="residual">Reading minus calibrated prediction, SI.</param>
    /// <param name="unitScale">Factor to the display unit of <paramref name="unitName"/> (1e6 for microstrain).</param>
    /// <param name="unitName">Display unit.</param>
    /// <param name="events">Receives events.</param>
    public void Observe(long ticks, double residual, double unitScale, string unitName, ICollection<TwinEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!double.IsFinite(residual))
        {
            return;
        }

        _observations++;
        var z = residual / NoiseStd;
        if (_observations <= _options.WarmUp)
        {
            return;
        }

        if (Math.Abs(z) > _options.AnomalyThreshold)
        {
            Anomalies++;
            if (_lastAnomalyTicks is not { } last || ticks - last >= _options.AnomalyHoldOff.Ticks)
            {
                _lastAnomalyTicks = ticks;
                events.Add(new TwinEvent(Twin, TwinEventKind.Anomaly, ticks, Math.Abs(z),
                    $"{Sensor}: reading {residual * unitScale:+0.###;-0.###} {unitName} from the calibrated prediction ({Math.Abs(z):F1} noise sd)"));
            }

            // A lone outlier does not feed the shift detector.
            return;
        }

        _cusumHigh = Math.Max(0, _cusumHigh + z - _options.CusumReference);
        _cusumLow = Math.Max(0, _cusumLow - z - _options.CusumReference);
        if (_cusumHigh > _options.CusumThreshold || _cusumLow > _options.CusumThreshold)
        {
            var up = _cusumHigh > _options.CusumThreshold;
            Shifts++;
            events.Add(new TwinEvent(Twin, TwinEventKind.Drift, ticks, Math.Max(_cusumHigh, _cusumLow),
                $"{Sensor}: residuals have shifted {(up ? "up" : "down")} (CUSUM {Math.Max(_cusumHigh, _cusumLow):F1} > {_options.CusumThreshold:F0} noise sd)"));
            _cusumHigh = 0;
            _cusumLow = 0;
        }
    }

    /// <summary>
    /// Checks the calibration's estimate of the sensor's zero drift: raises one event when the rate
    /// is significant and the drift accumulated over <paramref name="hours"/> exceeds the noise;
    /// re-arms when it no longer is.
    /// </summary>
    public void ObserveDrift(long ticks, double ratePerHour, double rateStd, double hours, double unitScale, string unitName, ICollection<TwinEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_observations <= _options.WarmUp || !(rateStd > 0))
        {
            return;
        }

        var significant = Math.Abs(ratePerHour) > _options.DriftRateSigmas * rateStd
            && Math.Abs(ratePerHour * hours) > _options.DriftOffsetSigmas * NoiseStd;
        if (significant && !_driftRaised)
        {
            _driftRaised = true;
            events.Add(new TwinEvent(Twin, TwinEventKind.Drift, ticks, Math.Abs(ratePerHour) / rateStd,
                $"{Sensor}: zero drifting at {ratePerHour * unitScale:+0.###;-0.###} {unitName}/h (±{rateStd * unitScale:0.###}), {ratePerHour * hours * unitScale:+0.##;-0.##} {unitName} so far"));
        }
        else if (!significant)
        {
            _driftRaised = false;
        }
    }
}
