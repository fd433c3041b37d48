namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// What a live source has done so far: payloads and samples received, rejections (with the most
/// recent reasons), drops, reconnects and the deepest its queue has been. Thread-safe: transports
/// update it from their receive threads while the runtime reads it.
/// </summary>
public sealed class SensorSourceCounters
{
    /// <summary>How many recent rejections are kept with their reasons.</summary>
    public const int RecentCapacity = 100;

    private readonly Queue<FeedRejection> _recent = new();
    private long _payloads;
    private long _samples;
    private long _rejectedMessages;
    private long _rejectedPayloads;
    private long _dropped;
    private long _reconnects;
    private long _connectFailures;
    private long _acknowledged;
    private long _queueHighWater;

    /// <summary>Payloads (MQTT messages, hub invocations, file batches) received.</summary>
    public long Payloads => Interlocked.Read(ref _payloads);

    /// <summary>Samples accepted and queued for the runtime.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    /// <summary>Single messages rejected inside otherwise readable payloads.</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejectedMessages);

    /// <summary>Whole payloads rejected (not MessagePack, truncated, wrong shape, too large).</summary>
    public long RejectedPayloads => Interlocked.Read(ref _rejectedPayloads);

    /// <summary>All rejections: messages plus whole payloads.</summary>
    public long Rejected => RejectedMessages + RejectedPayloads;

    /// <summary>Payloads dropped because the queue was full and the transport gave no delivery guarantee (MQTT QoS 0).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Successful reconnections after a lost connection.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Connection attempts that failed (broker down, refused).</summary>
    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Deliveries acknowledged to the transport.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Most deliveries ever waiting in the source's queue at once.</summary>
    public long QueueHighWater => Interlocked.Read(ref _queueHighWater);

    /// <summary>The most recent rejections, oldest first (at most <see cref="RecentCapacity"/>).</summary>
    public IReadOnlyList<FeedRejection> RecentRejections
    {
        get
        {
            lock (_recent)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Counts one payload with its accepted samples and its rejections.</summary>
    public void RecordPayload(int acceptedSamples, IReadOnlyList<FeedRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        Interlocked.Increment(ref _payloads);
        Interlocked.Add(ref _samples, acceptedSamples);
        if (rejections.Count == 0)
        {
            return;
        }

        lock (_recent)
        {
            foreach (var r in rejections)
            {
                if (r.Index < 0)
                {
                    _rejectedPayloads++;
                }
                else
                {
                    _rejectedMessages++;
                }

                _recent.Enqueue(r);
                if (_recent.Count > RecentCapacity)
                {
                    _recent.Dequeue();
                }
            }
        }
    }

    /// <summary>Counts a payload dropped for lack of queue space.</summary>
    public void RecordDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>Counts a successful reconnection.</summary>
    public void RecordReconnect() => Interlocked.Increment(ref _reconnects);

    /// <summary>Counts a failed connection attempt.</summary>
    public void RecordConnectFailure() => Interlocked.Increment(ref _connectFailures);

    /// <summary>Counts an acknowledged delivery.</summary>
    public void RecordAcknowledged() => Interlocked.Increment(ref _acknowledged);

    /// <summary>Raises the queue high-water mark to <paramref name="depth"/> if deeper.</summary>
    public void RecordQueueDepth(long depth)
    {
        var seen = Interlocked.Read(ref _queueHighWater);
        while (depth > seen)
        {
            var prior = Interlocked.CompareExchange(ref _queueHighWater, depth, seen);
            if (prior == seen)
            {
                return;
            }

            seen = prior;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Payloads} payloads, {Samples} samples, {Rejected} rejected ({RejectedPayloads} whole payloads), {Dropped} dropped, {Reconnects} reconnects, queue high water {QueueHighWater}";
}
