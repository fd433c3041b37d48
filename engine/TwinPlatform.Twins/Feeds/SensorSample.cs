namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// One sensor reading as it travels through the runtime: which sensor, when, the value in SI,
/// its quality and the source's sequence number.
/// </summary>
/// <param name="Sensor">Sensor id (the scene's sensor id, also the feed's channel name).</param>
/// <param name="TimestampUtcTicks">Acquisition time, UTC ticks (100 ns since 0001-01-01).</param>
/// <param name="ValueSI">The value converted to SI at the edge.</param>
/// <param name="Quality">Quality flag.</param>
/// <param name="Sequence">Per-sensor sequence number assigned by the source; duplicates repeat it.</param>
public readonly record struct SensorSample(string Sensor, long TimestampUtcTicks, double ValueSI, SampleQuality Quality, long Sequence)
{
    /// <summary>The timestamp as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => new(TimestampUtcTicks, TimeSpan.Zero);
}
