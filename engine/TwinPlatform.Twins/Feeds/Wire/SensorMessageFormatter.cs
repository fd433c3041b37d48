using MessagePack;
using MessagePack.Formatters;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// Hand-written MessagePack formatter for <see cref="SensorMessage"/> (an array of seven; no
/// reflection), for serializers such as the SignalR MessagePack hub protocol.
/// </summary>
/// <remarks>
/// Reading checks structure and types only and throws <see cref="MessagePackSerializationException"/>
/// with the reason when they are wrong; semantic rules (known unit, quality range, names) are
/// checked by <see cref="SensorMessageConverter"/> so they can be reported per message. Thread-safe.
/// </remarks>
public sealed class SensorMessageFormatter : IMessagePackFormatter<SensorMessage>
{
    /// <summary>The shared instance.</summary>
    public static readonly SensorMessageFormatter Instance = new();

    private SensorMessageFormatter()
    {
    }

    /// <inheritdoc/>
    public void Serialize(ref MessagePackWriter writer, SensorMessage value, MessagePackSerializerOptions options) =>
        SensorMessageCodec.Write(ref writer, value);

    /// <inheritdoc/>
    public SensorMessage Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!SensorMessageCodec.TryRead(ref reader, null, out var message, out var reason))
        {
            throw new MessagePackSerializationException(reason);
        }

        return message;
    }
}
