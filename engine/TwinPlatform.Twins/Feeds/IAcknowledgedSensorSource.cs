namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// A durable source (an MQTT persistent session at QoS 1): it hands out whole deliveries that the
/// runtime acknowledges once it has persisted them; what is not acknowledged is delivered again
/// after a crash or reconnect.
/// </summary>
/// <remarks>
/// <see cref="ISensorSource.ReadAsync"/> on such a source acknowledges each delivery when the
/// consumer asks for the sample after its last one (processed, not persisted). A runtime with a
/// store reads <see cref="ReadDeliveriesAsync"/> instead and acknowledges after the store commit.
/// Read one way or the other, not both.
/// </remarks>
public interface IAcknowledgedSensorSource : ISensorSource
{
    /// <summary>Reads deliveries until the source ends or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<SensorDelivery> ReadDeliveriesAsync(CancellationToken cancellationToken = default);
}
