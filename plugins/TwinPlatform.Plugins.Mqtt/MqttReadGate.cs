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

    /// <summary>False until the subscription is in place: connect and subscribe replies must always get through.</summary>
    public volatile bool Enabled;

    /// <summary>PUBLISH packets read from the socket but not yet passed to the callback.</summary>
    public long Unhandled => Interlocked.Read(ref _publishRead) - Interlocked.Read(ref _publishHandled);

    /// <summary>A new connection: what MQTTnet held for the old one is gone.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _publishRead, 0);
        Interlocked.Exchange(ref _publishHandled, 0);
        Pulse();
    }

    /// <summary>The socket reader saw a complete PUBLISH packet.</summary>
    public void PublishRead() => Interlocked.Increment(ref _publishRead);

    /// <summary>The callback took a PUBLISH packet.</summary>
    public void PublishHandled()
    {
        Interlocked.Increment(ref _publishHandled);
        Pulse();
    }

    /// <summary>The consumer took a delivery from the queue.</summary>
    public void Pulse() => Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes when reading may go on.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (Enabled)
        {
            var progress = Volatile.Read(ref _progress).Task;
            if (queue.Count < queue.Capacity && Unhandled < maxUnhandled)
            {
                return;
            }

            // Woken by progress; the timeout re-checks in case a signal fell between check and wait.
            _ = await Task.WhenAny(progress, Task.Delay(200, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
