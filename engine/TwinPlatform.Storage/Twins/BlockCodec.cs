using System.Buffers.Binary;

namespace TwinPlatform.Storage.Twins;

/// <summary>Variable-length integers (7 bits a byte, low first) into a byte array.</summary>
internal static class BlockWriter
{
    public static int WriteUnsigned(byte[] buffer, int at, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at++] = (byte)value;
        return at;
    }

    /// <summary>A signed value, zig-zag encoded so that small magnitudes of either sign stay short.</summary>
    public static int WriteSigned(byte[] buffer, int at, long value) => WriteUnsigned(buffer, at, (ulong)((value << 1) ^ (value >> 63)));

    public static int WriteDouble(byte[] buffer, int at, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at), value);
        return at + 8;
    }
}

/// <summary>Reads what <see cref="BlockWriter"/> wrote, failing with <see cref="InvalidDataException"/> on damaged bytes.</summary>
internal ref struct BlockReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public readonly int Position => _at;

    public ulong Unsigned()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException($"a variable-length integer at byte {_at} runs past 10 bytes");
    }

    public long Signed()
    {
        var v = Unsigned();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    /// <summary>A count, checked against <paramref name="limit"/> (what the bytes could possibly hold).</summary>
    public int Count(int limit)
    {
        var v = Unsigned();
        return v <= (ulong)limit ? (int)v : throw new InvalidDataException($"a count of {v} at byte {_at} is more than the {_bytes.Length} bytes can hold");
    }

    public double Double()
    {
        Need(8);
        var v = BinaryPrimitives.ReadDoubleLittleEndian(_bytes.Slice(_at, 8));
        _at += 8;
        return v;
    }

    public byte Byte()
    {
        Need(1);
        return _bytes[_at++];
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        Need(length);
        var s = _bytes.Slice(_at, length);
        _at += length;
        return s;
    }

    public readonly void End()
    {
        if (_at != _bytes.Length)
        {
            throw new InvalidDataException($"{_bytes.Length - _at} bytes left over after the end at byte {_at}");
        }
    }

    private readonly void Need(int n)
    {
        if (_bytes.Length - _at < n)
        {
            throw new InvalidDataException($"the data ends at byte {_bytes.Length}, {n} more needed at byte {_at}");
        }
    }
}
