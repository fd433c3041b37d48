namespace TwinPlatform.Twins.Monitoring;

/// <summary>Something a twin noticed that an operator should see: an anomaly, a drift, a shift of a calibrated parameter, a gap.</summary>
/// <param name="Twin">The twin that raised it.</param>
/// <param name="Kind">What it reports.</param>
/// <param name="TimestampUtcTicks">The feed time at which it was raised, UTC ticks.</param>
/// <param name="Severity">How far past its threshold, in the detector's own units (standard deviations for most).</param>
/// <param name="Message">One line for people.</param>
public sealed record TwinEvent(string Twin, TwinEventKind Kind, long TimestampUtcTicks, double Severity, string Message)
{
    /// <summary>The time as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => new(TimestampUtcTicks, TimeSpan.Zero);
}
