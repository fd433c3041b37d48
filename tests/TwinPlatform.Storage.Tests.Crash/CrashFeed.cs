using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Crash;

/// <summary>The deterministic feed the crash child writes, so the parent can check every stored value.</summary>
public static class CrashFeed
{
    /// <summary>The channels, each on its own twin.</summary>
    public static readonly string[] Channels = ["strain-1", "temp-1"];

    private static readonly string[] Twins = ["bracket", "housing"];
    private static readonly string[] Units = ["m/m", "K"];
    private static readonly long T0 = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>The run the child opens.</summary>
    public static RunInfo Run(string runId) =>
        new(runId, "crash-scene", "crash-scene-hash", "crash child process", new DateTimeOffset(T0, TimeSpan.Zero));

    /// <summary>The sample of a channel at a sequence number.</summary>
    public static StoredSample Sample(int channel, long sequence) =>
        new(Twins[channel], Channels[channel], T0 + (sequence * TimeSpan.TicksPerMillisecond), ExpectedValue(channel, sequence), Units[channel], 0, sequence);

    /// <summary>The value the feed writes for a channel at a sequence number.</summary>
    public static double ExpectedValue(int channel, long sequence) => (channel * 1000.0) + (sequence * 0.25);
}
