namespace TwinPlatform.Plugins.Mqtt;

/// <summary>Settings of an <see cref="MqttSensorSource"/>.</summary>
public sealed record MqttSensorSourceOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>
    /// Client id; keep it fixed across restarts so the broker resumes the persistent session and
    /// redelivers what was not acknowledged.
    /// </summary>
    public required string ClientId { get; init; }

    /// <summary>Subscription filter, <c>twin/{scene}/+/+</c> (see <see cref="MqttTopics.SceneFilter"/>).</summary>
    public string TopicFilter { get; init; } = MqttTopics.AllScenesFilter;

    /// <summary>How long the broker keeps the session (subscription and unacknowledged messages) while the source is away; 0 for a clean session.</summary>
    public uint SessionExpirySeconds { get; init; } = 86_400;

    /// <summary>
    /// Most QoS 1 messages the broker may send before the source acknowledges (MQTT 5 Receive
    /// Maximum). Together with <see cref="QueueCapacity"/> it bounds what the source holds in memory.
    /// </summary>
    public ushort ReceiveMaximum { get; init; } = 64;

    /// <summary>Most deliveries held between the MQTT client and the runtime.</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>
    /// Bytes the receive thread waits for, while data arrives faster than it reads, before it wakes: the socket's
    /// receive low-water mark, raised when one read brings a quarter of it or more and lowered when a read brings
    /// less. One wake per block instead of one per few packets spares the broker a scheduler wake-up each time.
    /// 0 or 1 wakes at every byte.
    /// </summary>
    public int ReceiveLowWater { get; init; } = 32 * 1024;

    /// <summary>Longest a read waits for <see cref="ReceiveLowWater"/> before it takes what has arrived: the most a burst's tail is held.</summary>
    public TimeSpan ReceiveLowWaterWait { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Largest batch accepted in one payload, in messages.</summary>
    public int MaxBatchSize { get; init; } = 10_000;

    /// <summary>MQTT keep-alive period; a dead broker is noticed within about 1.5 times this.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed for one connect-and-subscribe attempt.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay between reconnection attempts; doubles after each failure.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between reconnection attempts.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>User name for the broker; null for anonymous.</summary>
    public string? UserName { get; init; }

    /// <summary>Password for the broker.</summary>
    public string? Password { get; init; }
}
