using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// The bounded queue between a transport's receive callback and the runtime: when the runtime falls
/// behind, writers wait (back-pressure to the broker or gateway) instead of memory growing.
/// </summary>
/// <remarks>Many writers, one reader. The depth is reported to <see cref="SensorSourceCounters.QueueHighWater"/>.</remarks>
public sealed class SensorDeliveryQueue
{
    private readonly Channel<SensorDelivery> _channel;
    private readonly SensorSourceCounters _counters;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> deliveries.</summary>
    public SensorDeliveryQueue(int capacity, SensorSourceCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(counters);
        Capacity = capacity;
        _counters = counters;
        _channel = Channel.CreateBounded<SensorDelivery>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>Most deliveries held at once.</summary>
    public int Capacity { get; }

    /// <summary>Deliveries waiting now.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Queues a delivery, waiting while the queue is full.</summary>
    public async ValueTask WriteAsync(SensorDelivery delivery, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(delivery, cancellationToken).ConfigureAwait(false);
        _counters.RecordQueueDepth(_channel.Reader.Count);
    }

    /// <summary>Queues a delivery if there is room; false when full or completed.</summary>
    public bool TryWrite(SensorDelivery delivery)
    {
        if (!_channel.Writer.TryWrite(delivery))
        {
            return false;
        }

        _counters.RecordQueueDepth(_channel.Reader.Count);
        return true;
    }

    /// <summary>
    /// Completes when the queue has room for a delivery (at once if it has room now), or when the
    /// queue is completed; transports use it to stop reading from the network while the runtime is behind.
    /// </summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellationToken)
    {
        _ = await _channel.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the queue: readers finish after the deliveries already queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Reads deliveries until the queue is completed or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<SensorDelivery> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var delivery))
            {
                yield return delivery;
            }
        }
    }
}
