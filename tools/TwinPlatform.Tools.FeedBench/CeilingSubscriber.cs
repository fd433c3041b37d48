using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TwinPlatform.Plugins.Mqtt;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>Which client the do-nothing ceiling subscriber uses.</summary>
internal enum CeilingClient
{
    /// <summary><see cref="MqttSubscriberConnection"/> read by a thread of its own (blocking receive), as the runtime's source reads it; acknowledges each message as it arrives.</summary>
    WireThread,

    /// <summary><see cref="MqttSubscriberConnection"/> read with asynchronous receives on the thread pool; acknowledges each message as it arrives.</summary>
    WireAsync,

    /// <summary>An MQTTnet client that acknowledges automatically.</summary>
    MqttNet,

    /// <summary>
    /// As <see cref="WireThread"/>, but holding acknowledgements while more packets are buffered and writing
    /// them together before the next receive: one packet of PUBACKs per socket read.
    /// </summary>
    WireHeld,
}

/// <summary>
/// The broker's ceiling: a QoS 1 subscriber that does nothing with a payload (no decode) beyond counting
/// it and acknowledging it.
/// </summary>
/// <param name="client">Which client.</param>
/// <param name="receiveLowWater">The wire clients' receive low-water mark; null for the connection's default.</param>
internal sealed class CeilingSubscriber(CeilingClient client, int? receiveLowWater) : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IMqttClient? _mqttNet;
    private MqttSubscriberConnection? _wire;
    private Task? _reader;
    private long _payloads;
    private long _lastTicks;
    private long _firstTicks = -1;

    public long Payloads => Interlocked.Read(ref _payloads);

    /// <summary>Stopwatch time of the last payload received.</summary>
    public TimeSpan Last => TimeSpan.FromTicks(Interlocked.Read(ref _lastTicks));

    /// <summary>Stopwatch time of the first payload received.</summary>
    public TimeSpan First => TimeSpan.FromTicks(Math.Max(0, Interlocked.Read(ref _firstTicks)));

    public async Task StartAsync(int port, string topicFilter, CancellationToken ct)
    {
        var clientId = "feedbench-ceiling-" + Guid.NewGuid().ToString("N")[..8];
        if (client is CeilingClient.WireThread or CeilingClient.WireAsync or CeilingClient.WireHeld)
        {
            // Receive maximum unset (65535), as MQTTnet leaves it: the broker's own in-flight limit applies.
            var wireOptions = new MqttSensorSourceOptions { Port = port, ClientId = clientId, TopicFilter = topicFilter, SessionExpirySeconds = 0, ReceiveMaximum = ushort.MaxValue };
            _wire = await MqttSubscriberConnection.ConnectAsync(receiveLowWater is { } mark ? wireOptions with { ReceiveLowWater = mark } : wireOptions, ct);
            var connection = _wire;
            if (client == CeilingClient.WireAsync)
            {
                _reader = Task.Run(() => ReadWireAsync(connection), CancellationToken.None);
                return;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            new Thread(() =>
            {
                if (client == CeilingClient.WireHeld)
                {
                    ReadWireHeld(connection);
                }
                else
                {
                    ReadWire(connection);
                }

                done.SetResult();
            })
            { IsBackground = true, Name = "feedbench ceiling" }.Start();
            _reader = done.Task;
            return;
        }

        _mqttNet = new MqttClientFactory().CreateMqttClient();
        _mqttNet.ApplicationMessageReceivedAsync += _ =>
        {
            Count();
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithStreamProvider(new TcpStreamProvider()).WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).Build();
        _ = await _mqttNet.ConnectAsync(options, ct);
        _ = await _mqttNet.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_wire is not null)
        {
            await _wire.DisposeAsync();
        }

        if (_reader is not null)
        {
            await _reader;
        }

        if (_mqttNet is not null)
        {
            if (_mqttNet.IsConnected)
            {
                await _mqttNet.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }

            _mqttNet.Dispose();
        }
    }

    private async Task ReadWireAsync(MqttSubscriberConnection connection)
    {
        while (await connection.ReadPublishAsync())
        {
            CountAndAcknowledge(connection);
        }
    }

    private void ReadWire(MqttSubscriberConnection connection)
    {
        while (connection.ReadPublish())
        {
            CountAndAcknowledge(connection);
        }
    }

    private void ReadWireHeld(MqttSubscriberConnection connection)
    {
        while (connection.ReadPublish())
        {
            Count();
            if (connection.Current.QualityOfService > 0)
            {
                _ = connection.AcknowledgeLater(connection.Current.PacketId);
            }

            if (!connection.HasBufferedPacket)
            {
                _ = connection.FlushAcknowledgements();
            }
        }
    }

    private void CountAndAcknowledge(MqttSubscriberConnection connection)
    {
        Count();
        if (connection.Current.QualityOfService > 0)
        {
            _ = connection.Acknowledge(connection.Current.PacketId);
        }
    }

    private void Count()
    {
        var now = _clock.Elapsed.Ticks;
        Interlocked.Increment(ref _payloads);
        Interlocked.CompareExchange(ref _firstTicks, now, -1);
        Interlocked.Exchange(ref _lastTicks, now);
    }
}
