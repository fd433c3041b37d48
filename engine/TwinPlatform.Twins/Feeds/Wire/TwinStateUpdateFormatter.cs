using MessagePack;
using MessagePack.Formatters;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>MessagePack formatter for <see cref="TwinStateUpdate"/>: <c>[twin: str, timestampUtcTicks: int64, {name: float64, ...}]</c>.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class TwinStateUpdateFormatter : IMessagePackFormatter<TwinStateUpdate?>
{
    /// <summary>The shared instance.</summary>
    public static readonly TwinStateUpdateFormatter Instance = new();

    private TwinStateUpdateFormatter()
    {
    }

    /// <inheritdoc/>
    public void Serialize(ref MessagePackWriter writer, TwinStateUpdate? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(3);
        writer.Write(value.Twin);
        writer.Write(value.TimestampUtcTicks);
        writer.WriteMapHeader(value.Values.Count);
        foreach (var (key, v) in value.Values)
        {
            writer.Write(key);
            writer.Write(v);
        }
    }

    /// <inheritdoc/>
    public TwinStateUpdate? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var n = reader.ReadArrayHeader();
        if (n != 3)
        {
            throw new MessagePackSerializationException($"a twin state update must be an array of 3, found {n} elements");
        }

        var twin = reader.ReadString() ?? string.Empty;
        var ticks = reader.ReadInt64();
        var count = reader.ReadMapHeader();
        var values = new Dictionary<string, double>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString() ?? string.Empty;
            values[key] = reader.ReadDouble();
        }

        return new TwinStateUpdate(twin, ticks, values);
    }
}
