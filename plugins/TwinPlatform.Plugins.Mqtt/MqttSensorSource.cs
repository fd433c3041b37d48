using System.Runtime.CompilerServices;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// Sensor samples from an MQTT broker: subscribes at QoS 1 in a persistent session under a fixed
/// client id, acknowledges each message only when the runtime is done with it (several in one packet
/// while the runtime is working through a backlog), reconnects with
/// back-off when the broker goes away, and hands deliveries to the runtime through a bounded queue.
/// </summary>
/// <remarks>
/// <para>Each connection (<see cref="MqttSubscriberConnection"/>) is read by a thread of its own, blocked in
/// the socket's receive while nothing arrives, which decodes every payload and queues it.</para>
/// <para>Memory stays bounded with a slow consumer: that thread reads the socket only when the delivery
/// queue has taken the previous message, so the backlog waits in
/// the broker (TCP flow control), and at most <see cref="MqttSensorSourceOptions.ReceiveMaximum"/>
/// unacknowledged QoS 1 messages are in flight. QoS 0 payloads that find the queue full are dropped and counted.</para>
/// <para>A malformed payload is rejected with a reason (counted, the recent ones kept in
/// <see cref="Counters"/>), acknowledged so that it is not redelivered, and the connection stays up.</para>
/// <para>Acknowledgements of deliveries received before a reconnect are not sent on the new
/// connection; the broker redelivers those messages and the conditioner drops the repeats by sequence number.</para>
/// </remarks>
public sealed class MqttSensorSource : IAcknowledgedSensorSource, IMonitoredSensorSource, IAsyncDisposable
{
    /// <summary>Most acknowledgements held back to go out in one packet.</summary>
    private const int MaxHeldAcknowledgements = 16;

    private readonly MqttSensorSourceOptions _options;
    private readonly SensorPayloadReader _payloads;
    private readonly SensorDeliveryQueue _queue;
    private readonly List<SensorSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _sync = new();
    private readonly ManualResetEventSlim _room = new(false);
    private int _writerWaiting;
    private TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _supervisor;
    private volatile MqttSubscriberConnection? _connection;
    private volatile string? _lastError;
    private int _disposed;

    /// <summary>Creates a source; nothing connects until <see cref="StartAsync"/> or the first read.</summary>
    /// <param name="options">Broker, topic filter, client id and limits.</param>
    /// <param name="converter">Checks messages (against a scene's sensors when it has them) and converts to SI.</param>
    public MqttSensorSource(MqttSensorSourceOptions options, SensorMessageConverter converter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentException.ThrowIfNullOrEmpty(options.ClientId);
        _options = options;
        _payloads = new SensorPayloadReader(converter, options.MaxBatchSize);
        _queue = new SensorDeliveryQueue(options.QueueCapacity, Counters);
    }

    /// <inheritdoc/>
    public string Description => $"mqtt {_options.Host}:{_options.Port} {_options.TopicFilter} as {_options.ClientId}";

    /// <inheritdoc/>
    public SensorSourceCounters Counters { get; } = new();

    /// <summary>Whether the source is connected and subscribed now.</summary>
    public bool IsSubscribed => _connection?.IsOpen == true;

    /// <summary>Deliveries waiting for the runtime now.</summary>
    public int QueueCount => _queue.Count;

    /// <summary>Acknowledgements held on the current connection to go out with the next one written.</summary>
    public int HeldAcknowledgements => _connection?.HeldAcknowledgements ?? 0;

    /// <summary>Most deliveries the queue holds.</summary>
    public int QueueCapacity => _queue.Capacity;

    /// <summary>Why the last connection attempt failed or the last connection closed; null while connected after a success.</summary>
    public string? LastError => _lastError;

    /// <summary>
    /// Starts connecting (retrying with back-off until the broker answers) and returns once the
    /// subscription is in place or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        EnsureStarted();
        return WaitUntilSubscribedAsync(cancellationToken);
    }

    /// <summary>Completes when the source is connected and subscribed (again, after a reconnect).</summary>
    public Task WaitUntilSubscribedAsync(CancellationToken cancellationToken = default)
    {
        Task wait;
        lock (_sync)
        {
            wait = _subscribed.Task;
        }

        return wait.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SensorDelivery> ReadDeliveriesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureStarted();
        await foreach (var delivery in _queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            // The receive thread, waiting for room, is woken once half the queue is free: one wake per
            // half queue rather than one per delivery while the runtime is behind.
            if (Volatile.Read(ref _writerWaiting) != 0 && _queue.Count <= _queue.Capacity / 2)
            {
                _room.Set();
            }

            yield return delivery;
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SensorSample> ReadAsync(CancellationToken cancellationToken = default) =>
        this.ReadAndAcknowledgeAsync(cancellationToken);

    /// <summary>
    /// Stops: disconnects cleanly (the broker keeps the session, so unacknowledged messages are
    /// redelivered to the next source with the same client id) and ends readers after the queued deliveries.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_supervisor is not null)
        {
            await _supervisor.ConfigureAwait(false);
        }

        _queue.Complete();
        _stop.Dispose();
        _room.Dispose();
    }

    private void EnsureStarted()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        lock (_sync)
        {
            _supervisor ??= Task.Run(() => SuperviseAsync(_stop.Token));
        }
    }

    private async Task SuperviseAsync(CancellationToken stop)
    {
        var delay = _options.ReconnectDelayMin;
        var everConnected = false;
        while (!stop.IsCancellationRequested)
        {
            MqttSubscriberConnection connection;
            try
            {
                connection = await MqttSubscriberConnection.ConnectAsync(_options, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Broker down, refused or timed out: count it and try again after a growing delay.
                Counters.RecordConnectFailure();
                _lastError = e.Message;
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMax.Ticks));
                continue;
            }

            if (everConnected)
            {
                Counters.RecordReconnect();
            }

            everConnected = true;
            delay = _options.ReconnectDelayMin;
            _lastError = null;
            var faulted = false;
            await using (connection.ConfigureAwait(false))
            {
                MarkSubscribed(connection);
                try
                {
                    await ReceiveOnOwnThreadAsync(connection, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Stopping: what is not acknowledged stays with the broker.
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A protocol error, or a fault in the receive loop: reported, and the source connects afresh
                    // after the back-off delay, so that a fault that repeats does not spin.
                    _lastError = e.Message;
                    faulted = true;
                }
                finally
                {
                    MarkUnsubscribed();
                }

                _lastError ??= connection.CloseReason;
            }

            if (faulted)
            {
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Runs <see cref="Receive"/> on a thread of its own until the connection closes; stopping closes the
    /// connection (DISCONNECT first), which ends a blocked read.
    /// </summary>
    private async Task ReceiveOnOwnThreadAsync(MqttSubscriberConnection connection, CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Receive(connection, stop);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "mqtt source " + _options.ClientId,
        };
        using (stop.Register(static c => ((MqttSubscriberConnection)c!).DisposeAsync().AsTask().Wait(), connection))
        {
            thread.Start();
            await done.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the connection into the queue until it closes, blocking while the socket has nothing and while
    /// the queue is full (the backlog then stays in the broker).
    /// </summary>
    private void Receive(MqttSubscriberConnection connection, CancellationToken stop)
    {
        var rejections = new List<FeedRejection>();
        while (connection.ReadPublish())
        {
            var message = connection.Current;
            _samples.Clear();
            rejections.Clear();
            _ = _payloads.Read(message.Payload, message.Topic, _samples, rejections);
            Counters.RecordPayload(_samples.Count, rejections);
            IReadOnlyList<FeedRejection> rejected = rejections.Count == 0 ? [] : [.. rejections];
            if (message.QualityOfService == 0)
            {
                if (!_queue.TryWrite(new SensorDelivery(message.Topic, [.. _samples], rejected)))
                {
                    Counters.RecordDropped();
                }

                continue;
            }

            var packetId = message.PacketId;
            var delivery = new SensorDelivery(message.Topic, [.. _samples], rejected, _ =>
            {
                // A packet id means nothing on a later connection; the broker redelivers instead. While the
                // runtime has more deliveries queued it will be back at once with the next acknowledgement,
                // so this one is held and goes out with those (one packet for many, up to a limit); once
                // the queue is empty, everything held goes out now.
                if (_queue.Count == 0 ? connection.Acknowledge(packetId) : connection.AcknowledgeLater(packetId, MaxHeldAcknowledgements))
                {
                    Counters.RecordAcknowledged();
                }

                return ValueTask.CompletedTask;
            });
            while (!_queue.TryWrite(delivery))
            {
                // Full: wait until the runtime has taken half the queue. Announce the wait before looking
                // again, so that the reader either sees the announcement or this thread sees the room.
                _room.Reset();
                Volatile.Write(ref _writerWaiting, 1);
                if (_queue.Count > _queue.Capacity / 2)
                {
                    _room.Wait(stop);
                }

                Volatile.Write(ref _writerWaiting, 0);
            }
        }
    }

    private void MarkSubscribed(MqttSubscriberConnection connection)
    {
        lock (_sync)
        {
            _connection = connection;
            _subscribed.TrySetResult();
        }
    }

    private void MarkUnsubscribed()
    {
        lock (_sync)
        {
            _connection = null;
            if (_subscribed.Task.IsCompleted)
            {
                _subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
