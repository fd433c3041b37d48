using MessagePack;
using MessagePack.Formatters;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>MessagePack formatter for <see cref="PublishResult"/>: <c>[accepted: int, [[index: int, reason: str], ...]]</c>.</summary>
/// <remarks>The origin of a rejection is not sent (the caller is the origin); it reads back as <c>hub</c>. Thread-safe.</remarks>
public sealed class PublishResultFormatter : IMessagePackFormatter<PublishResult?>
{
    /// <summary>The shared instance.</summary>
    public static readonly PublishResultFormatter Instance = new();

    private PublishResultFormatter()
    {
    }

    /// <inheritdoc/>
    public void Serialize(ref MessagePackWriter writer, PublishResult? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(2);
        writer.Write(value.Accepted);
        writer.WriteArrayHeader(value.Rejections.Count);
        foreach (var r in value.Rejections)
        {
            writer.WriteArrayHeader(2);
            writer.Write(r.Index);
            writer.Write(r.Reason);
        }
    }

    /// <inheritdoc/>
    public PublishResult? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(reader.ReadArrayHeader(), 2, "publish result");
        var accepted = reader.ReadInt32();
        var n = reader.ReadArrayHeader();
        var rejections = new FeedRejection[n];
        for (var i = 0; i < n; i++)
        {
            Expect(reader.ReadArrayHeader(), 2, "rejection");
            var index = reader.ReadInt32();
            rejections[i] = new FeedRejection("hub", index, reader.ReadString() ?? string.Empty);
        }

        return new PublishResult(accepted, rejections);
    }

    private static void Expect(int actual, int expected, string what)
    {
        if (actual != expected)
        {
            throw new MessagePackSerializationException($"a {what} must be an array of {expected}, found {actual} elements");
        }
    }
}
