using TwinPlatform.Core.Units;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// One sensor reading as a gateway sends it: which twin and channel, when, the value in the unit
/// it was measured in, its quality and the gateway's per-channel sequence number.
/// </summary>
/// <remarks>
/// On the wire this is a MessagePack array of seven elements in this order:
/// <c>[twin: str, channel: str, timestampUtcTicks: int64, value: float64, unit: str, quality: uint8, sequence: int64]</c>
/// (see <see cref="SensorMessageCodec"/>). The value stays in <see cref="Unit"/>; conversion to SI
/// happens at the edge, in <see cref="SensorMessageConverter"/>.
/// </remarks>
/// <param name="Twin">Id of the twin the channel belongs to (<c>bracket-A</c>, <c>runway</c>, <c>engine-7</c>).</param>
/// <param name="Channel">Channel name; for a scene this is the sensor id (<c>SG1</c>).</param>
/// <param name="TimestampUtcTicks">Acquisition time, UTC ticks (100 ns since 0001-01-01).</param>
/// <param name="Value">The reading in <paramref name="Unit"/>; NaN when the gateway had no value.</param>
/// <param name="Unit">Unit expression from the engine's unit catalog (<c>microstrain</c>, <c>kN</c>, <c>mm</c>, <c>lb/s</c>).</param>
/// <param name="Quality">Quality flag the gateway reports.</param>
/// <param name="Sequence">Per-channel sequence number; a resent reading repeats it.</param>
public readonly record struct SensorMessage(
    string Twin,
    string Channel,
    long TimestampUtcTicks,
    double Value,
    string Unit,
    SampleQuality Quality,
    long Sequence)
{
    /// <summary>Number of elements in the MessagePack array of one message.</summary>
    public const int FieldCount = 7;

    /// <summary>The timestamp as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => new(TimestampUtcTicks, TimeSpan.Zero);

    /// <summary>Builds the wire form of a runtime sample, converting its SI value back to <paramref name="unit"/>.</summary>
    /// <param name="twin">Twin id the sensor belongs to.</param>
    /// <param name="sample">The sample; its sensor id becomes the channel.</param>
    /// <param name="unit">The unit to send the value in.</param>
    public static SensorMessage FromSample(string twin, in SensorSample sample, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new SensorMessage(twin, sample.Sensor, sample.TimestampUtcTicks, unit.FromSI(sample.ValueSI), unit.Symbol, sample.Quality, sample.Sequence);
    }
}
