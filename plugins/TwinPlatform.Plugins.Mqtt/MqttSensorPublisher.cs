using MQTTnet;
using MQTTnet.Formatter;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// Publishes sensor message batches to an MQTT broker as MessagePack payloads on
/// <c>twin/{scene}/{twin}/{channel}</c> (see <see cref="MqttTopics"/>). Used by the simulator,
/// the replayer and tests, and a template for a gateway.
/// </summary>
/// <remarks>Connects on first use and again after the broker went away. Not thread-safe: one publisher per sending loop.</remarks>
public sealed class MqttSensorPublisher : IAsyncDisposable
{
    private readonly MqttSensorPublisherOptions _options;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;

    /// <summary>Creates a publisher; it connects on first use.</summary>
    public MqttSensorPublisher(MqttSensorPublisherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithStreamProvider(new TcpStreamProvider())
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(options.Timeout)
            .WithCleanStart(true);
        if (options.UserName is not null)
        {
            builder = builder.WithCredentials(options.UserName, options.Password);
        }

        _clientOptions = builder.Build();
        _client = new MqttClientFactory().CreateMqttClient();
    }

    /// <summary>Whether the publisher is connected now.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Payloads published so far.</summary>
    public long Published { get; private set; }

    /// <summary>Connects if not connected.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_client.IsConnected)
        {
            return;
        }

        var result = await _client.ConnectAsync(_clientOptions, cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }
    }

    /// <summary>Publishes a batch as one payload on the batch's topic; at QoS 1 returns once the broker has it.</summary>
    public Task PublishAsync(ReadOnlyMemory<SensorMessage> batch, CancellationToken cancellationToken = default) =>
        PublishPayloadAsync(MqttTopics.ForBatch(_options.Scene, batch.Span), SensorMessageCodec.EncodeBatch(batch.Span), cancellationToken);

    /// <summary>Publishes raw payload bytes on a topic (for gateways that encode themselves, and for fault tests).</summary>
    public async Task PublishPayloadAsync(string topic, byte[] payload, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(_options.QualityOfService)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the broker did not accept the payload on '{topic}': {result.ReasonCode} {result.ReasonString}");
        }

        Published++;
    }

    /// <summary>Disconnects and releases the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.Timeout);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                // Broker already gone.
            }
        }

        _client.Dispose();
    }
}
