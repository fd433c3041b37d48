using MQTTnet.Protocol;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>Settings of an <see cref="MqttSensorPublisher"/>.</summary>
public sealed record MqttSensorPublisherOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Scene name, the second topic level.</summary>
    public required string Scene { get; init; }

    /// <summary>Client id; a fresh one per publisher by default.</summary>
    public string ClientId { get; init; } = "twin-publisher-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Delivery guarantee; QoS 1 (at least once) by default.</summary>
    public MqttQualityOfServiceLevel QualityOfService { get; init; } = MqttQualityOfServiceLevel.AtLeastOnce;

    /// <summary>Time allowed to connect or to publish one payload.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>User name for the broker; null for anonymous.</summary>
    public string? UserName { get; init; }

    /// <summary>Password for the broker.</summary>
    public string? Password { get; init; }
}
