using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

internal static class TestMessages
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Strain-gauge readings on bracket-A's SG1, 5 Hz, value = sequence microstrain.</summary>
    public static SensorMessage[] Gauge(long firstSequence, int count)
    {
        var batch = new SensorMessage[count];
        for (var i = 0; i < count; i++)
        {
            var seq = firstSequence + i;
            batch[i] = new SensorMessage("bracket-A", "SG1", Start.UtcTicks + (seq * TimeSpan.TicksPerMillisecond * 200), seq, "microstrain", SampleQuality.Good, seq);
        }

        return batch;
    }
}
