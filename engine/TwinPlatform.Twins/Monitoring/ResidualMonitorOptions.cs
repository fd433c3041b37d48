namespace TwinPlatform.Twins.Monitoring;

/// <summary>Thresholds of a <see cref="ResidualMonitor"/>.</summary>
public sealed record ResidualMonitorOptions
{
    /// <summary>Readings absorbed before any event is raised, so the calibration has settled.</summary>
    public int WarmUp { get; init; } = 50;

    /// <summary>|residual| / noise above which a reading is an anomaly.</summary>
    public double AnomalyThreshold { get; init; } = 6.0;

    /// <summary>Shortest time between two anomaly events of one sensor; the ones in between are counted.</summary>
    public TimeSpan AnomalyHoldOff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>CUSUM reference value k, in noise standard deviations.</summary>
    public double CusumReference { get; init; } = 0.5;

    /// <summary>CUSUM decision interval h, in noise standard deviations.</summary>
    public double CusumThreshold { get; init; } = 12.0;

    /// <summary>A drift rate is significant when it is this many of its standard deviations from zero.</summary>
    public double DriftRateSigmas { get; init; } = 4.0;

    /// <summary>... and the accumulated drift exceeds this many noise standard deviations.</summary>
    public double DriftOffsetSigmas { get; init; } = 3.0;
}
