using System.Runtime.CompilerServices;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Server;

/// <summary>
/// The runtime's side of the sensor hub: gateways' batches are checked, converted to SI and queued
/// here, and the runtime reads them as an <see cref="ISensorSource"/>.
/// </summary>
/// <remarks>
/// The queue is bounded: when the runtime falls behind, a gateway's <c>Publish</c> call does not
/// return until there is room, which slows the gateway instead of growing memory. Publishing is
/// thread-safe (many connections at once); reading is for one consumer.
/// </remarks>
public sealed class HubSensorSource : IAcknowledgedSensorSource, IMonitoredSensorSource
{
    private readonly SensorPayloadReader _payloads;
    private readonly SensorDeliveryQueue _queue;
    private readonly Lock _convert = new();

    /// <summary>Creates a source.</summary>
    /// <param name="converter">Checks messages (against a scene's sensors when it has them) and converts to SI.</param>
    /// <param name="queueCapacity">Most batches held for the runtime.</param>
    /// <param name="maxBatchSize">Largest batch accepted, in messages.</param>
    public HubSensorSource(SensorMessageConverter converter, int queueCapacity = 256, int maxBatchSize = SensorMessageCodec.DefaultMaxBatchSize)
    {
        _payloads = new SensorPayloadReader(converter, maxBatchSize);
        _queue = new SensorDeliveryQueue(queueCapacity, Counters);
    }

    /// <inheritdoc/>
    public string Description => $"signalr {SensorHub.Path}";

    /// <inheritdoc/>
    public SensorSourceCounters Counters { get; } = new();

    /// <summary>Batches waiting for the runtime now.</summary>
    public int QueueCount => _queue.Count;

    /// <summary>Largest batch accepted, in messages.</summary>
    public int MaxBatchSize => _payloads.MaxBatchSize;

    /// <summary>Checks, converts and queues a typed batch; waits while the queue is full.</summary>
    /// <param name="batch">The messages.</param>
    /// <param name="origin">Who sent it (for rejection records).</param>
    /// <param name="cancellationToken">Aborts the wait (the caller disconnected).</param>
    public async ValueTask<PublishResult> PublishAsync(SensorMessage[]? batch, string origin, CancellationToken cancellationToken = default)
    {
        var samples = new List<SensorSample>(batch?.Length ?? 0);
        var rejections = new List<FeedRejection>(0);
        if (batch is null)
        {
            rejections.Add(new FeedRejection(origin, -1, "the batch is null"));
        }
        else if (batch.Length > _payloads.MaxBatchSize)
        {
            rejections.Add(new FeedRejection(origin, -1, $"batch of {batch.Length} messages exceeds the limit of {_payloads.MaxBatchSize}"));
        }
        else
        {
            lock (_convert)
            {
                _payloads.Converter.Convert(batch, origin, samples, rejections);
            }
        }

        return await EnqueueAsync(origin, samples, rejections, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decodes, checks, converts and queues a MessagePack payload (the MQTT payload format); waits while the queue is full.</summary>
    public async ValueTask<PublishResult> PublishPayloadAsync(ReadOnlyMemory<byte> payload, string origin, CancellationToken cancellationToken = default)
    {
        var samples = new List<SensorSample>();
        var rejections = new List<FeedRejection>(0);
        lock (_convert)
        {
            _ = _payloads.Read(payload, origin, samples, rejections);
        }

        return await EnqueueAsync(origin, samples, rejections, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the feed: readers finish after the batches already queued.</summary>
    public void Complete() => _queue.Complete();

    /// <inheritdoc/>
    /// <remarks>Hub deliveries need no acknowledgement (the gateway was answered when the batch was queued).</remarks>
    public IAsyncEnumerable<SensorDelivery> ReadDeliveriesAsync(CancellationToken cancellationToken = default) =>
        _queue.ReadAllAsync(cancellationToken);

    /// <inheritdoc/>
    public async IAsyncEnumerable<SensorSample> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var delivery in _queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < delivery.Samples.Length; i++)
            {
                yield return delivery.Samples.Span[i];
            }
        }
    }

    private async ValueTask<PublishResult> EnqueueAsync(string origin, List<SensorSample> samples, List<FeedRejection> rejections, CancellationToken cancellationToken)
    {
        Counters.RecordPayload(samples.Count, rejections);
        if (samples.Count > 0)
        {
            await _queue.WriteAsync(new SensorDelivery(origin, [.. samples], rejections), cancellationToken).ConfigureAwait(false);
        }

        return new PublishResult(samples.Count, rejections);
    }
}
