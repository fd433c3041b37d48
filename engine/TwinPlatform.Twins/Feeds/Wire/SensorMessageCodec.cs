using System.Buffers;
using MessagePack;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// Encodes sensor messages as MessagePack and decodes payloads from gateways with validation: a
/// payload is either one message (an array of seven) or a batch (an array of such arrays).
/// </summary>
/// <remarks>
/// Decoding never throws for bad input. A payload that cannot be read at all (not MessagePack,
/// truncated, trailing bytes, wrong top-level type, batch too large) is rejected as a whole with
/// index -1; inside a readable batch, each bad message is rejected on its own with its index and
/// the others are kept. Encoding is static and thread-safe; a codec instance caches names and units
/// and is not thread-safe (one per connection or receive loop).
/// </remarks>
public sealed partial class SensorMessageCodec
{
    /// <summary>Largest batch accepted by default, in messages.</summary>
    public const int DefaultMaxBatchSize = 10_000;

    private readonly Utf8StringCache _strings = new();
    private readonly UnitCache _units = new();

    /// <summary>Creates a codec.</summary>
    /// <param name="maxBatchSize">Largest batch accepted, in messages; larger payloads are rejected whole.</param>
    public SensorMessageCodec(int maxBatchSize = DefaultMaxBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        MaxBatchSize = maxBatchSize;
    }

    /// <summary>Largest batch accepted, in messages.</summary>
    public int MaxBatchSize { get; }

    /// <summary>Writes one message as an array of seven.</summary>
    public static void Write(ref MessagePackWriter writer, in SensorMessage message)
    {
        writer.WriteArrayHeader(SensorMessage.FieldCount);
        writer.Write(message.Twin);
        writer.Write(message.Channel);
        writer.Write(message.TimestampUtcTicks);
        writer.Write(message.Value);
        writer.Write(message.Unit);
        writer.Write((byte)message.Quality);
        writer.Write(message.Sequence);
    }

    /// <summary>Writes a batch: an array of messages.</summary>
    public static void WriteBatch(ref MessagePackWriter writer, ReadOnlySpan<SensorMessage> batch)
    {
        writer.WriteArrayHeader(batch.Length);
        foreach (ref readonly var m in batch)
        {
            Write(ref writer, m);
        }
    }

    /// <summary>Appends one encoded message to <paramref name="output"/>.</summary>
    public static void Encode(IBufferWriter<byte> output, in SensorMessage message)
    {
        var writer = new MessagePackWriter(output);
        Write(ref writer, message);
        writer.Flush();
    }

    /// <summary>Appends one encoded batch to <paramref name="output"/>.</summary>
    public static void EncodeBatch(IBufferWriter<byte> output, ReadOnlySpan<SensorMessage> batch)
    {
        var writer = new MessagePackWriter(output);
        WriteBatch(ref writer, batch);
        writer.Flush();
    }

    /// <summary>Encodes one message.</summary>
    public static byte[] Encode(in SensorMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        Encode(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes a batch.</summary>
    public static byte[] EncodeBatch(ReadOnlySpan<SensorMessage> batch)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + (48 * batch.Length));
        EncodeBatch(buffer, batch);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a payload; see <see cref="Decode(ReadOnlySequence{byte}, string, List{SensorMessage}, List{FeedRejection})"/>.</summary>
    public bool Decode(ReadOnlyMemory<byte> payload, string origin, List<SensorMessage> messages, List<FeedRejection> rejections) =>
        Decode(new ReadOnlySequence<byte>(payload), origin, messages, rejections);

    /// <summary>
    /// Decodes a payload, appending the valid messages to <paramref name="messages"/> and one
    /// rejection per bad message (or one for the whole payload) to <paramref name="rejections"/>.
    /// </summary>
    /// <param name="payload">The bytes received.</param>
    /// <param name="origin">Where they came from, for the rejection records.</param>
    /// <param name="messages">Receives the valid messages in payload order.</param>
    /// <param name="rejections">Receives what was rejected and why.</param>
    /// <returns>False when the whole payload was rejected; true when it was readable, even if some messages in it were rejected.</returns>
    public bool Decode(ReadOnlySequence<byte> payload, string origin, List<SensorMessage> messages, List<FeedRejection> rejections) =>
        Decode(payload, origin, messages, null, rejections);

    /// <summary>Decodes a payload and also records, per valid message, its index in the batch (-1 for a single message).</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="origin">Where it came from, for the rejection records.</param>
    /// <param name="messages">Receives the readable messages in payload order.</param>
    /// <param name="indices">Receives each message's index in the batch (-1 for a single message); null for none.</param>
    /// <param name="rejections">Receives what was rejected and why.</param>
    /// <param name="validate">False leaves the semantic checks (<see cref="SensorMessageValidator"/>) to the caller, which makes them anyway (<see cref="SensorMessageConverter.TryConvert"/>).</param>
    internal bool Decode(ReadOnlySequence<byte> payload, string origin, List<SensorMessage> messages, List<int>? indices, List<FeedRejection> rejections, bool validate = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(rejections);
        if (payload.IsEmpty)
        {
            rejections.Add(new FeedRejection(origin, -1, "empty payload"));
            return false;
        }

        if (!validate && payload.IsSingleSegment && TryDecodeBatchFast(payload.FirstSpan, messages, indices))
        {
            return true;
        }

        // A payload that turns out truncated, malformed or followed by stray bytes is rejected whole:
        // what was read of it before is taken back, so it never yields its first messages.
        var messagesBefore = messages.Count;
        var indicesBefore = indices?.Count ?? 0;
        var rejectionsBefore = rejections.Count;
        var reader = new MessagePackReader(payload);
        try
        {
            if (reader.NextMessagePackType != MessagePackType.Array)
            {
                // Not even an array: first make sure it is MessagePack at all, so garbage is named as such.
                var probe = reader.CreatePeekReader();
                probe.Skip();
                rejections.Add(new FeedRejection(origin, -1, $"expected an array (one message or a batch), found {Describe(ref reader)}"));
                return false;
            }

            var peek = reader.CreatePeekReader();
            var count = peek.ReadArrayHeader();
            if (count > 0 && peek.NextMessagePackType != MessagePackType.Array)
            {
                // A single message: the array's first element is the twin id, not a message.
                var one = ReadOne(ref reader, origin, -1, messages, indices, rejections, validate);
                return EndOfPayload(ref reader, payload, origin, messagesBefore, messages, indicesBefore, indices, rejectionsBefore, rejections) && one;
            }

            count = reader.ReadArrayHeader();
            if (count > MaxBatchSize)
            {
                rejections.Add(new FeedRejection(origin, -1, $"batch of {count} messages exceeds the limit of {MaxBatchSize}"));
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                _ = ReadOne(ref reader, origin, i, messages, indices, rejections, validate);
            }

            return EndOfPayload(ref reader, payload, origin, messagesBefore, messages, indicesBefore, indices, rejectionsBefore, rejections);
        }
        catch (EndOfStreamException)
        {
            TakeBack(messagesBefore, messages, indicesBefore, indices, rejectionsBefore, rejections);
            rejections.Add(new FeedRejection(origin, -1, "truncated payload"));
            return false;
        }
        catch (MessagePackSerializationException e)
        {
            TakeBack(messagesBefore, messages, indicesBefore, indices, rejectionsBefore, rejections);
            rejections.Add(new FeedRejection(origin, -1, $"not valid MessagePack: {e.Message}"));
            return false;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // The MessagePack reader throws these for a length header beyond what an int or the payload holds.
            TakeBack(messagesBefore, messages, indicesBefore, indices, rejectionsBefore, rejections);
            rejections.Add(new FeedRejection(origin, -1, "not valid MessagePack: a length out of range"));
            return false;
        }
    }

    /// <summary>Reads one message's fields and checks their types and arity; no semantic checks.</summary>
    /// <param name="reader">Positioned at the message; on return, positioned after it when the structure was readable.</param>
    /// <param name="strings">Optional name cache (not thread-safe).</param>
    /// <param name="message">The message read.</param>
    /// <param name="reason">Why it could not be read.</param>
    internal static bool TryRead(ref MessagePackReader reader, Utf8StringCache? strings, out SensorMessage message, out string? reason)
    {
        message = default;
        if (reader.NextMessagePackType != MessagePackType.Array)
        {
            reason = $"a message must be an array of {SensorMessage.FieldCount}, found {Describe(ref reader)}";
            reader.Skip();
            return false;
        }

        var n = reader.ReadArrayHeader();
        if (n != SensorMessage.FieldCount)
        {
            reason = $"a message must have {SensorMessage.FieldCount} fields [twin, channel, timestampUtcTicks, value, unit, quality, sequence], found {n}";
            SkipFields(ref reader, n);
            return false;
        }

        string twin = string.Empty, channel = string.Empty, unit = string.Empty;
        long ticks = 0, sequence = 0;
        double value = 0;
        byte quality = 0;
        reason = null;
        var field = 0;
        for (; field < n && reason is null; field++)
        {
            switch (field)
            {
                case 0: reason = ReadString(ref reader, strings, "twin", out twin); break;
                case 1: reason = ReadString(ref reader, strings, "channel", out channel); break;
                case 2: reason = ReadInt64(ref reader, "timestampUtcTicks", out ticks); break;
                case 3: reason = ReadValue(ref reader, out value); break;
                case 4: reason = ReadString(ref reader, strings, "unit", out unit); break;
                case 5: reason = ReadQuality(ref reader, out quality); break;
                default: reason = ReadInt64(ref reader, "sequence", out sequence); break;
            }
        }

        if (reason is not null)
        {
            // The failing field was skipped by its reader; skip the rest of the message.
            SkipFields(ref reader, n - field);
            return false;
        }

        message = new SensorMessage(twin, channel, ticks, value, unit, (SampleQuality)quality, sequence);
        return true;
    }

    private static bool EndOfPayload(ref MessagePackReader reader, ReadOnlySequence<byte> payload, string origin, int messagesBefore, List<SensorMessage> messages, int indicesBefore, List<int>? indices, int rejectionsBefore, List<FeedRejection> rejections)
    {
        if (reader.End)
        {
            return true;
        }

        TakeBack(messagesBefore, messages, indicesBefore, indices, rejectionsBefore, rejections);
        rejections.Add(new FeedRejection(origin, -1, $"{payload.Length - reader.Consumed} trailing byte(s) after the MessagePack value"));
        return false;
    }

    private static void TakeBack(int messagesBefore, List<SensorMessage> messages, int indicesBefore, List<int>? indices, int rejectionsBefore, List<FeedRejection> rejections)
    {
        messages.RemoveRange(messagesBefore, messages.Count - messagesBefore);
        indices?.RemoveRange(indicesBefore, indices.Count - indicesBefore);
        rejections.RemoveRange(rejectionsBefore, rejections.Count - rejectionsBefore);
    }

    private bool ReadOne(ref MessagePackReader reader, string origin, int index, List<SensorMessage> messages, List<int>? indices, List<FeedRejection> rejections, bool validate)
    {
        if (!TryRead(ref reader, _strings, out var message, out var reason)
            || (validate && !SensorMessageValidator.TryValidate(message, _units, out _, out reason)))
        {
            rejections.Add(new FeedRejection(origin, index, reason!));
            return false;
        }

        messages.Add(message);
        indices?.Add(index);
        return true;
    }

    private static void SkipFields(ref MessagePackReader reader, int count)
    {
        for (var i = 0; i < count; i++)
        {
            reader.Skip();
        }
    }

    private static string? ReadString(ref MessagePackReader reader, Utf8StringCache? strings, string name, out string value)
    {
        value = string.Empty;
        if (reader.NextMessagePackType != MessagePackType.String)
        {
            var found = Describe(ref reader);
            reader.Skip();
            return $"{name} must be a string, found {found}";
        }

        if (strings is not null && reader.TryReadStringSpan(out var span))
        {
            value = strings.Get(span);
        }
        else
        {
            value = reader.ReadString() ?? string.Empty;
        }

        return null;
    }

    private static string? ReadInt64(ref MessagePackReader reader, string name, out long value)
    {
        value = 0;
        if (reader.NextMessagePackType != MessagePackType.Integer)
        {
            var found = Describe(ref reader);
            reader.Skip();
            return $"{name} must be an integer, found {found}";
        }

        if (reader.NextCode == MessagePackCode.UInt64)
        {
            var peek = reader.CreatePeekReader();
            if (peek.ReadUInt64() > long.MaxValue)
            {
                reader.Skip();
                return $"{name} does not fit a signed 64-bit integer";
            }
        }

        value = reader.ReadInt64();
        return null;
    }

    private static string? ReadValue(ref MessagePackReader reader, out double value)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Float:
            case MessagePackType.Integer:
                value = reader.ReadDouble();
                return null;
            case MessagePackType.Nil:
                // A gateway with no reading sends nil; it is kept as NaN and flagged bad by conditioning.
                reader.ReadNil();
                value = double.NaN;
                return null;
            default:
                value = 0;
                var found = Describe(ref reader);
                reader.Skip();
                return $"value must be a number or nil, found {found}";
        }
    }

    private static string? ReadQuality(ref MessagePackReader reader, out byte quality)
    {
        quality = 0;
        if (reader.NextMessagePackType != MessagePackType.Integer)
        {
            var found = Describe(ref reader);
            reader.Skip();
            return $"quality must be an integer 0 (good), 1 (uncertain) or 2 (bad), found {found}";
        }

        var peek = reader.CreatePeekReader();
        var q = peek.NextCode == MessagePackCode.UInt64 ? long.MaxValue : peek.ReadInt64();
        reader.Skip();
        if (q is < 0 or > 255)
        {
            return $"quality {q} is not 0 (good), 1 (uncertain) or 2 (bad)";
        }

        // Range 0..2 is checked with the other semantic rules, so the typed hub path reports it too.
        quality = (byte)q;
        return null;
    }

    private static string Describe(ref MessagePackReader reader) => reader.NextMessagePackType switch
    {
        MessagePackType.Integer => "an integer",
        MessagePackType.Nil => "nil",
        MessagePackType.Boolean => "a boolean",
        MessagePackType.Float => "a float",
        MessagePackType.String => "a string",
        MessagePackType.Binary => "binary data",
        MessagePackType.Array => "an array",
        MessagePackType.Map => "a map",
        MessagePackType.Extension => "an extension value",
        _ => $"byte 0x{reader.NextCode:X2}",
    };
}
