namespace TwinPlatform.Twins.Feeds;

/// <summary>A source that counts what it received, rejected, dropped and how often it reconnected.</summary>
public interface IMonitoredSensorSource
{
    /// <summary>Live counters (thread-safe reads).</summary>
    SensorSourceCounters Counters { get; }
}
