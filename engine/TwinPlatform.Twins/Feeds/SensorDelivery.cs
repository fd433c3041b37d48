namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// What one payload from a durable source brought: the accepted samples, what was rejected, and
/// the acknowledgement the broker waits for.
/// </summary>
/// <remarks>
/// Acknowledge after the samples are persisted (or, without a store, processed). A delivery that is
/// never acknowledged is redelivered by the broker when the source reconnects with the same client
/// id, so a crash loses nothing; redelivered samples repeat their sequence numbers and are dropped
/// as duplicates by <see cref="FeedConditioner"/>. Acknowledge deliveries in the order they were
/// read (MQTT requires acknowledgements in order). Acknowledging twice is harmless.
/// </remarks>
public sealed class SensorDelivery
{
    private readonly Func<CancellationToken, ValueTask>? _acknowledge;
    private int _acknowledged;

    /// <summary>Creates a delivery.</summary>
    /// <param name="origin">Where it came from (MQTT topic, hub connection, file).</param>
    /// <param name="samples">Accepted samples in payload order.</param>
    /// <param name="rejections">Rejected messages or payload, with reasons.</param>
    /// <param name="acknowledge">Tells the transport the delivery is done; null when the transport needs no acknowledgement.</param>
    public SensorDelivery(string origin, SensorSample[] samples, IReadOnlyList<FeedRejection> rejections, Func<CancellationToken, ValueTask>? acknowledge = null)
    {
        Origin = origin;
        Samples = samples;
        Rejections = rejections;
        _acknowledge = acknowledge;
    }

    /// <summary>Where it came from.</summary>
    public string Origin { get; }

    /// <summary>Accepted samples in payload order.</summary>
    public ReadOnlyMemory<SensorSample> Samples { get; }

    /// <summary>Rejected messages (index within the payload) or the whole payload (index -1), with reasons.</summary>
    public IReadOnlyList<FeedRejection> Rejections { get; }

    /// <summary>Whether <see cref="AcknowledgeAsync"/> has been called.</summary>
    public bool IsAcknowledged => Volatile.Read(ref _acknowledged) != 0;

    /// <summary>Acknowledges the delivery to the transport (once; later calls do nothing).</summary>
    public ValueTask AcknowledgeAsync(CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _acknowledged, 1) == 0 && _acknowledge is not null ? _acknowledge(cancellationToken) : ValueTask.CompletedTask;
}
