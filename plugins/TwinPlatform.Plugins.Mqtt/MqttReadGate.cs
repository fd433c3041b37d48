using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// Decides when the broker connection may be read: only while the delivery queue has room and
/// MQTTnet holds few received-but-unhandled messages. MQTTnet queues received messages without
/// limit before its callback runs, so this gate, applied to the socket, is what keeps a slow
/// consumer's backlog in the broker rather than in this process.
/// </summary>
/// <remarks>Thread-safe: the socket reader waits, the MQTT callback and the consumer signal progress.</remarks>
internal sealed class MqttReadGate(SensorDeliveryQueue queue, int maxUnhandled)
{
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _publishRead;
    private long _publishHandled;
    private int _waiting;
    private volatile bool _enabled;

    /// <summary>False until the subscription is in place: connect and subscribe replies must always get through. Setting it wakes a waiting reader.</summary>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            _enabled = value;
            Wake();
        }
    }

    /// <summary>PUBLISH packets read from the socket but not yet passed to the callback.</summary>
    public long Unhandled => Interlocked.Read(ref _publishRead) - Interlocked.Read(ref _publishHandled);

    /// <summary>A new connection: what MQTTnet held for the old one is gone.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _publishRead, 0);
        Interlocked.Exchange(ref _publishHandled, 0);
        Wake();
    }

    /// <summary>One PUBLISH packet was read from the socket.</summary>
    public void PublishRead() => Interlocked.Increment(ref _publishRead);

    /// <summary>MQTTnet passed one PUBLISH to the callback.</summary>
    public void PublishHandled()
    {
        Interlocked.Increment(ref _publishHandled);
        Pulse();
    }

    /// <summary>Something changed that may let the reader go on (for example the queue gave up a delivery).</summary>
    public void Pulse()
    {
        // Only a reader that announced itself is woken, so the common case (nobody waits) costs one exchange.
        if (Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            Wake();
        }
    }

    /// <summary>Waits until the socket may be read: the gate is disabled, or the queue has room and few messages are unhandled.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (_enabled)
        {
            // Announce the wait before checking: a change after the check then completes this very task
            // (Pulse sees the flag), and a change before it is seen by the check. No timer needed.
            var progress = Volatile.Read(ref _progress).Task;
            _ = Interlocked.Exchange(ref _waiting, 1);
            if (queue.Count < queue.Capacity && Unhandled < maxUnhandled)
            {
                _ = Interlocked.Exchange(ref _waiting, 0);
                return;
            }

            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Wake() => Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
