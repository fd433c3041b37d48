using System.Runtime.CompilerServices;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// Sensor samples from an MQTT broker: subscribes at QoS 1 in a persistent session under a fixed
/// client id, acknowledges each message only when the runtime is done with it, reconnects with
/// back-off when the broker goes away, and hands deliveries to the runtime through a bounded queue.
/// </summary>
/// <remarks>
/// <para>Memory stays bounded with a slow consumer: at most <see cref="MqttSensorSourceOptions.ReceiveMaximum"/>
/// unacknowledged QoS 1 messages are in flight, and reading from the socket pauses while the queue
/// is full, so the backlog waits in the broker (the second guard matters: mosquitto 2.0.11 was seen
/// to exceed the receive maximum once acknowledgements flow). QoS 0 payloads that find the queue
/// full are dropped and counted.</para>
/// <para>A malformed payload is rejected with a reason (counted, the recent ones kept in
/// <see cref="Counters"/>), acknowledged so that it is not redelivered, and the connection stays up.</para>
/// <para>Acknowledgements of deliveries received before a reconnect are not sent on the new
/// connection; the broker redelivers those messages and the conditioner drops the repeats by sequence number.</para>
/// </remarks>
public sealed class MqttSensorSource : IAcknowledgedSensorSource, IMonitoredSensorSource, IAsyncDisposable
{
    private readonly MqttSensorSourceOptions _options;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttClientSubscribeOptions _subscribeOptions;
    private readonly SensorPayloadReader _payloads;
    private readonly SensorDeliveryQueue _queue;
    private readonly MqttReadGate _gate;
    private readonly List<SensorSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _disconnected = new(0, 1);
    private readonly Lock _sync = new();
    private TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _supervisor;
    private long _generation;
    private volatile bool _isSubscribed;
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
        _gate = new MqttReadGate(_queue, Math.Max(1, (int)options.ReceiveMaximum));
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithStreamProvider(new GatedStreamProvider(_gate))
            .WithTimeout(options.ConnectTimeout)
            .WithReceiveMaximum(options.ReceiveMaximum)
            .WithCleanStart(options.SessionExpirySeconds == 0)
            .WithSessionExpiryInterval(options.SessionExpirySeconds);
        if (options.UserName is not null)
        {
            builder = builder.WithCredentials(options.UserName, options.Password);
        }

        _clientOptions = builder.Build();
        _subscribeOptions = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(options.TopicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <inheritdoc/>
    public string Description => $"mqtt {_options.Host}:{_options.Port} {_options.TopicFilter} as {_options.ClientId}";

    /// <inheritdoc/>
    public SensorSourceCounters Counters { get; } = new();

    /// <summary>Whether the source is connected and subscribed now.</summary>
    public bool IsSubscribed => _isSubscribed && _client.IsConnected;

    /// <summary>Deliveries waiting for the runtime now.</summary>
    public int QueueCount => _queue.Count;

    /// <summary>Most deliveries the queue holds.</summary>
    public int QueueCapacity => _queue.Capacity;

    /// <summary>Why the last connection attempt failed; null after a success.</summary>
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
            // Room in the queue: the socket may be read again.
            _gate.Pulse();
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

        _gate.Enabled = false;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_supervisor is not null)
        {
            await _supervisor.ConfigureAwait(false);
        }

        if (_client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                // The broker is gone already; the session it holds is unaffected.
            }
        }

        _queue.Complete();
        _client.Dispose();
        _stop.Dispose();
        _disconnected.Dispose();
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
            if (_client.IsConnected && _isSubscribed)
            {
                try
                {
                    // Woken by the disconnect handler; the timeout re-checks in case the event was missed.
                    _ = await _disconnected.WaitAsync(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            MarkUnsubscribed();
            try
            {
                await ConnectAndSubscribeAsync(stop).ConfigureAwait(false);
                if (everConnected)
                {
                    Counters.RecordReconnect();
                }

                everConnected = true;
                delay = _options.ReconnectDelayMin;
                _lastError = null;
                MarkSubscribed();
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
                await DropConnectionAsync().ConfigureAwait(false);
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMax.Ticks));
            }
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken stop)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        attempt.CancelAfter(_options.ConnectTimeout);
        if (_client.IsConnected)
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }

        // A new generation before connecting: the broker may resend pending messages as soon as the
        // session resumes, and those belong to the new connection.
        Interlocked.Increment(ref _generation);
        var connected = await _client.ConnectAsync(_clientOptions, attempt.Token).ConfigureAwait(false);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {connected.ResultCode} {connected.ReasonString}");
        }

        // Subscribe every time: after a broker restart without persistence the session is gone.
        var subscribed = await _client.SubscribeAsync(_subscribeOptions, attempt.Token).ConfigureAwait(false);
        foreach (var item in subscribed.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"the broker refused the subscription to '{item.TopicFilter.Topic}': {item.ResultCode}");
            }
        }
    }

    private async Task DropConnectionAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already broken; the next connect starts afresh.
        }
    }

    private void MarkSubscribed()
    {
        lock (_sync)
        {
            _isSubscribed = true;
            _gate.Enabled = true;
            _subscribed.TrySetResult();
        }
    }

    private void MarkUnsubscribed()
    {
        lock (_sync)
        {
            _gate.Enabled = false;
            if (_isSubscribed || _subscribed.Task.IsCompleted)
            {
                _isSubscribed = false;
                _subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        MarkUnsubscribed();
        if (_disposed == 0 && _disconnected.CurrentCount == 0)
        {
            try
            {
                _disconnected.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }

        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        _gate.PublishHandled();
        var generation = Interlocked.Read(ref _generation);
        var message = e.ApplicationMessage;
        SensorDelivery delivery;

        // MQTTnet calls this handler for one message at a time, so the reader and list are not shared.
        _samples.Clear();
        var rejections = new List<FeedRejection>(0);
        _ = _payloads.Read(message.Payload, message.Topic, _samples, rejections);
        Counters.RecordPayload(_samples.Count, rejections);
        delivery = new SensorDelivery(message.Topic, [.. _samples], rejections, ct => AcknowledgeAsync(e, generation, ct));
        if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce)
        {
            if (!_queue.TryWrite(delivery))
            {
                Counters.RecordDropped();
            }

            return;
        }

        try
        {
            await _queue.WriteAsync(delivery, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // Stopping: the message stays unacknowledged and the broker redelivers it later.
        }
    }

    private async ValueTask AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs e, long generation, CancellationToken cancellationToken)
    {
        if (e.ApplicationMessage.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce)
        {
            return;
        }

        // A packet id from an earlier connection means nothing on this one; the broker redelivers instead.
        if (generation != Interlocked.Read(ref _generation) || !_client.IsConnected || _disposed != 0)
        {
            return;
        }

        try
        {
            await e.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
            Counters.RecordAcknowledged();
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
        {
            // The connection dropped meanwhile; the broker redelivers the message after the reconnect.
        }
    }
}
