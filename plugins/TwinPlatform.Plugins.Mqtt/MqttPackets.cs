using System.Buffers.Binary;
using System.Text;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>Encoding and decoding of the few MQTT 5 packets a subscriber writes or must understand (OASIS MQTT 5.0, sections 2 and 3).</summary>
internal static class MqttPackets
{
    private const byte SessionExpiryInterval = 0x11;
    private const byte ReceiveMaximum = 0x21;

    /// <summary>CONNECT: protocol level 5, clean start when the session does not outlive the connection, keep-alive, session expiry, receive maximum, optional credentials.</summary>
    public static byte[] Connect(MqttSensorSourceOptions options)
    {
        var body = new List<byte>(64);
        WriteString(body, "MQTT");
        body.Add(5);
        var flags = (byte)(options.SessionExpirySeconds == 0 ? 0x02 : 0x00);
        if (options.UserName is not null)
        {
            flags |= 0x80;
            if (options.Password is not null)
            {
                flags |= 0x40;
            }
        }

        body.Add(flags);
        WriteUInt16(body, (ushort)Math.Clamp(Math.Ceiling(options.KeepAlive.TotalSeconds), 0, ushort.MaxValue));
        var properties = new List<byte>(8);
        if (options.SessionExpirySeconds != 0)
        {
            properties.Add(SessionExpiryInterval);
            WriteUInt32(properties, options.SessionExpirySeconds);
        }

        if (options.ReceiveMaximum is > 0 and < ushort.MaxValue)
        {
            properties.Add(ReceiveMaximum);
            WriteUInt16(properties, options.ReceiveMaximum);
        }

        WriteVarInt(body, properties.Count);
        body.AddRange(properties);
        WriteString(body, options.ClientId);
        if (options.UserName is not null)
        {
            WriteString(body, options.UserName);
            if (options.Password is not null)
            {
                WriteString(body, options.Password);
            }
        }

        return Packet(0x10, body);
    }

    /// <summary>SUBSCRIBE to one filter at QoS 1 (no local, retain handling defaults).</summary>
    public static byte[] Subscribe(ushort packetId, string topicFilter)
    {
        var body = new List<byte>(topicFilter.Length + 8);
        WriteUInt16(body, packetId);
        WriteVarInt(body, 0);
        WriteString(body, topicFilter);
        body.Add(0x01);
        return Packet(0x82, body);
    }

    /// <summary>The packet id and reason codes of a SUBACK body.</summary>
    public static (ushort PacketId, byte[] Codes) ParseSubAck(ReadOnlySpan<byte> body)
    {
        if (body.Length < 3 || !TryReadVarInt(body[2..], out var propertiesLength, out var size) || 2 + size + propertiesLength > body.Length)
        {
            throw new MqttConnectionException($"malformed SUBACK of {body.Length} bytes");
        }

        return (BinaryPrimitives.ReadUInt16BigEndian(body), body[(2 + size + propertiesLength)..].ToArray());
    }

    /// <summary>The Server Keep Alive (seconds) among CONNACK properties, if the broker set one.</summary>
    /// <param name="properties">The CONNACK body after its flags and reason code: property length, then the properties.</param>
    /// <exception cref="MqttConnectionException">The properties are malformed or hold an identifier CONNACK may not carry.</exception>
    public static ushort? ServerKeepAlive(ReadOnlySpan<byte> properties)
    {
        if (properties.IsEmpty)
        {
            return null;
        }

        if (!TryReadVarInt(properties, out var length, out var size) || size + length > properties.Length)
        {
            throw new MqttConnectionException("malformed CONNACK properties");
        }

        ushort? keepAlive = null;
        var p = properties.Slice(size, length);
        while (!p.IsEmpty)
        {
            var id = p[0];
            p = p[1..];
            int skip;
            switch (id)
            {
                case 0x13: // Server Keep Alive
                    keepAlive = p.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(p) : throw new MqttConnectionException("truncated Server Keep Alive");
                    skip = 2;
                    break;
                case 0x24 or 0x25 or 0x28 or 0x29 or 0x2A: // one byte: maximum QoS, retain, wildcard/identifier/shared subscriptions available
                    skip = 1;
                    break;
                case 0x21 or 0x22: // two bytes: receive maximum, topic alias maximum
                    skip = 2;
                    break;
                case 0x11 or 0x27: // four bytes: session expiry interval, maximum packet size
                    skip = 4;
                    break;
                case 0x12 or 0x1A or 0x1C or 0x1F or 0x15 or 0x16: // length-prefixed: client id, response info, server reference, reason string, auth method and data
                    skip = p.Length >= 2 ? 2 + BinaryPrimitives.ReadUInt16BigEndian(p) : int.MaxValue;
                    break;
                case 0x26: // user property: two length-prefixed strings
                    skip = p.Length >= 2 ? 2 + BinaryPrimitives.ReadUInt16BigEndian(p) : int.MaxValue;
                    skip = p.Length >= skip + 2 ? skip + 2 + BinaryPrimitives.ReadUInt16BigEndian(p[skip..]) : int.MaxValue;
                    break;
                default:
                    throw new MqttConnectionException($"CONNACK property 0x{id:X2} is not one CONNACK may carry");
            }

            if (skip > p.Length)
            {
                throw new MqttConnectionException($"truncated CONNACK property 0x{id:X2}");
            }

            p = p[skip..];
        }

        return keepAlive;
    }

    /// <summary>Reads a variable byte integer (1-4 bytes, 7 bits each, least significant first).</summary>
    /// <returns>False when <paramref name="span"/> ends before the integer does, or it runs past 4 bytes.</returns>
    public static bool TryReadVarInt(ReadOnlySpan<byte> span, out int value, out int size)
    {
        value = 0;
        for (size = 0; size < 4 && size < span.Length; size++)
        {
            var b = span[size];
            value |= (b & 0x7F) << (7 * size);
            if ((b & 0x80) == 0)
            {
                size++;
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends a variable byte integer.</summary>
    public static void WriteVarInt(List<byte> into, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 268_435_455);
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            into.Add(value > 0 ? (byte)(b | 0x80) : b);
        }
        while (value > 0);
    }

    /// <summary>Name of an MQTT 5 reason code, for error messages.</summary>
    public static string ReasonName(byte code) => code switch
    {
        0x00 => "success",
        0x04 => "disconnect with will message",
        0x80 => "unspecified error",
        0x81 => "malformed packet",
        0x82 => "protocol error",
        0x83 => "implementation specific error",
        0x84 => "unsupported protocol version",
        0x85 => "client identifier not valid",
        0x86 => "bad user name or password",
        0x87 => "not authorized",
        0x88 => "server unavailable",
        0x89 => "server busy",
        0x8A => "banned",
        0x8B => "server shutting down",
        0x8D => "keep alive timeout",
        0x8E => "session taken over",
        0x8F => "topic filter invalid",
        0x93 => "receive maximum exceeded",
        0x95 => "packet too large",
        0x97 => "quota exceeded",
        0x9C => "use another server",
        0x9D => "server moved",
        0x9F => "connection rate exceeded",
        _ => "reason code",
    };

    private static byte[] Packet(byte header, List<byte> body)
    {
        var packet = new List<byte>(body.Count + 5) { header };
        WriteVarInt(packet, body.Count);
        packet.AddRange(body);
        return [.. packet];
    }

    private static void WriteString(List<byte> into, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"'{value[..32]}...' is longer than an MQTT string may be ({ushort.MaxValue} bytes)", nameof(value));
        }

        WriteUInt16(into, (ushort)bytes.Length);
        into.AddRange(bytes);
    }

    private static void WriteUInt16(List<byte> into, ushort value)
    {
        into.Add((byte)(value >> 8));
        into.Add((byte)value);
    }

    private static void WriteUInt32(List<byte> into, uint value)
    {
        WriteUInt16(into, (ushort)(value >> 16));
        WriteUInt16(into, (ushort)value);
    }
}
