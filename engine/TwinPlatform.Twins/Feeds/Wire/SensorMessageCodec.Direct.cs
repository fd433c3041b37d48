using System.Buffers.Binary;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>The direct decoder: a well-formed batch in one buffer, read without the general MessagePack reader.</summary>
public sealed partial class SensorMessageCodec
{
    /// <summary>
    /// Decodes the shape gateways send, straight from the bytes: a batch (an array) of at least one and at most
    /// <see cref="MaxBatchSize"/> messages, each an array of seven fields of the expected MessagePack types, and
    /// nothing after the batch. The messages are those the general reader gives for the same bytes. Anything else
    /// (a single message, another type, a truncated or over-long payload, an integer beyond the signed 64-bit range)
    /// adds nothing and returns false, and the general reader decodes the payload and names what is wrong.
    /// </summary>
    private bool TryDecodeBatchFast(ReadOnlySpan<byte> p, List<SensorMessage> messages, List<int>? indices)
    {
        var pos = 0;
        if (!TryArrayHeader(p, ref pos, out var count) || count == 0 || count > MaxBatchSize)
        {
            return false;
        }

        var messagesBefore = messages.Count;
        var indicesBefore = indices?.Count ?? 0;
        for (var i = 0; i < count; i++)
        {
            if ((uint)pos >= (uint)p.Length || p[pos++] != FixArrayOfSeven
                || !TryStringBytes(p, ref pos, out var twin)
                || !TryStringBytes(p, ref pos, out var channel)
                || !TryInt64(p, ref pos, out var ticks)
                || !TryNumberOrNil(p, ref pos, out var value)
                || !TryStringBytes(p, ref pos, out var unit)
                || !TryByte(p, ref pos, out var quality)
                || !TryInt64(p, ref pos, out var sequence))
            {
                messages.RemoveRange(messagesBefore, messages.Count - messagesBefore);
                indices?.RemoveRange(indicesBefore, indices.Count - indicesBefore);
                return false;
            }

            messages.Add(new SensorMessage(
                _strings.Get(p.Slice(twin.Start, twin.Length)),
                _strings.Get(p.Slice(channel.Start, channel.Length)),
                ticks,
                value,
                _strings.Get(p.Slice(unit.Start, unit.Length)),
                (SampleQuality)quality,
                sequence));
            indices?.Add(i);
        }

        if (pos == p.Length)
        {
            return true;
        }

        messages.RemoveRange(messagesBefore, messages.Count - messagesBefore);
        indices?.RemoveRange(indicesBefore, indices.Count - indicesBefore);
        return false;
    }

    private const byte FixArrayOfSeven = 0x90 | SensorMessage.FieldCount;

    private static bool TryArrayHeader(ReadOnlySpan<byte> p, ref int pos, out int count)
    {
        count = 0;
        if ((uint)pos >= (uint)p.Length)
        {
            return false;
        }

        var code = p[pos];
        if (code is >= 0x90 and <= 0x9f)
        {
            count = code & 0x0f;
            pos++;
            return true;
        }

        if (code == 0xdc && pos + 3 <= p.Length)
        {
            count = BinaryPrimitives.ReadUInt16BigEndian(p.Slice(pos + 1));
            pos += 3;
            return true;
        }

        if (code == 0xdd && pos + 5 <= p.Length)
        {
            var n = BinaryPrimitives.ReadUInt32BigEndian(p.Slice(pos + 1));
            count = n > int.MaxValue ? int.MaxValue : (int)n;
            pos += 5;
            return true;
        }

        return false;
    }

    /// <summary>A MessagePack string's bytes (fixstr, str8, str16, str32) as a range of the payload.</summary>
    private static bool TryStringBytes(ReadOnlySpan<byte> p, ref int pos, out (int Start, int Length) text)
    {
        text = default;
        if ((uint)pos >= (uint)p.Length)
        {
            return false;
        }

        var code = p[pos];
        int header, length;
        if (code is >= 0xa0 and <= 0xbf)
        {
            (header, length) = (1, code & 0x1f);
        }
        else if (code == 0xd9 && pos + 2 <= p.Length)
        {
            (header, length) = (2, p[pos + 1]);
        }
        else if (code == 0xda && pos + 3 <= p.Length)
        {
            (header, length) = (3, BinaryPrimitives.ReadUInt16BigEndian(p.Slice(pos + 1)));
        }
        else if (code == 0xdb && pos + 5 <= p.Length)
        {
            var n = BinaryPrimitives.ReadUInt32BigEndian(p.Slice(pos + 1));
            if (n > int.MaxValue)
            {
                return false;
            }

            (header, length) = (5, (int)n);
        }
        else
        {
            return false;
        }

        if (length > p.Length - pos - header)
        {
            return false;
        }

        text = (pos + header, length);
        pos += header + length;
        return true;
    }

    /// <summary>A MessagePack integer that fits a signed 64-bit integer.</summary>
    private static bool TryInt64(ReadOnlySpan<byte> p, ref int pos, out long value)
    {
        value = 0;
        if ((uint)pos >= (uint)p.Length)
        {
            return false;
        }

        var code = p[pos];
        var rest = p.Length - pos - 1;
        var body = p.Slice(pos + 1);
        switch (code)
        {
            case <= 0x7f:
                value = code;
                pos += 1;
                return true;
            case >= 0xe0:
                value = (sbyte)code;
                pos += 1;
                return true;
            case 0xcc when rest >= 1:
                value = body[0];
                pos += 2;
                return true;
            case 0xcd when rest >= 2:
                value = BinaryPrimitives.ReadUInt16BigEndian(body);
                pos += 3;
                return true;
            case 0xce when rest >= 4:
                value = BinaryPrimitives.ReadUInt32BigEndian(body);
                pos += 5;
                return true;
            case 0xcf when rest >= 8:
                var u = BinaryPrimitives.ReadUInt64BigEndian(body);
                if (u > long.MaxValue)
                {
                    return false;
                }

                value = (long)u;
                pos += 9;
                return true;
            case 0xd0 when rest >= 1:
                value = (sbyte)body[0];
                pos += 2;
                return true;
            case 0xd1 when rest >= 2:
                value = BinaryPrimitives.ReadInt16BigEndian(body);
                pos += 3;
                return true;
            case 0xd2 when rest >= 4:
                value = BinaryPrimitives.ReadInt32BigEndian(body);
                pos += 5;
                return true;
            case 0xd3 when rest >= 8:
                value = BinaryPrimitives.ReadInt64BigEndian(body);
                pos += 9;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A float64, float32, integer or nil (NaN) value, converted as the general reader converts it.</summary>
    private static bool TryNumberOrNil(ReadOnlySpan<byte> p, ref int pos, out double value)
    {
        value = 0;
        if ((uint)pos >= (uint)p.Length)
        {
            return false;
        }

        switch (p[pos])
        {
            case 0xcb when pos + 9 <= p.Length:
                value = BinaryPrimitives.ReadDoubleBigEndian(p.Slice(pos + 1));
                pos += 9;
                return true;
            case 0xca when pos + 5 <= p.Length:
                value = BinaryPrimitives.ReadSingleBigEndian(p.Slice(pos + 1));
                pos += 5;
                return true;
            case 0xc0:
                value = double.NaN;
                pos += 1;
                return true;
            default:
                if (!TryInt64(p, ref pos, out var integer))
                {
                    return false;
                }

                value = integer;
                return true;
        }
    }

    /// <summary>A MessagePack integer from 0 to 255, not in the uint64 form (which the general reader names out of range).</summary>
    private static bool TryByte(ReadOnlySpan<byte> p, ref int pos, out byte value)
    {
        value = 0;
        var at = pos;
        if ((uint)pos >= (uint)p.Length || p[pos] == 0xcf || !TryInt64(p, ref at, out var integer) || integer is < 0 or > 255)
        {
            return false;
        }

        value = (byte)integer;
        pos = at;
        return true;
    }
}
