namespace TwinPlatform.Twins.Feeds;

/// <summary>A stretch of time in which a sensor sent nothing although it was expected to.</summary>
/// <param name="Sensor">The sensor.</param>
/// <param name="FromUtcTicks">Time of the last sample before the gap.</param>
/// <param name="ToUtcTicks">Time of the first sample after the gap.</param>
public readonly record struct FeedGap(string Sensor, long FromUtcTicks, long ToUtcTicks)
{
    /// <summary>Length of the gap in seconds.</summary>
    public double Seconds => (ToUtcTicks - FromUtcTicks) / (double)TimeSpan.TicksPerSecond;
}
