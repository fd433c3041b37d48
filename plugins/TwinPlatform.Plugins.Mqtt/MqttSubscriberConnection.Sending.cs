using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>The sending side of the connection: acknowledgements (written at once or held and written together), keep-alive pings, and the one locked send they all go through.</summary>
public sealed partial class MqttSubscriberConnection
{
    private const int AckSize = 4;
    private static readonly byte[] PingRequest = [0xC0, 0x00];

    private byte[] _acks = new byte[AckSize * 16];
    private int _ackBytes;

    /// <summary>Sends PUBACK for a QoS 1 message read on this connection (after any held by <see cref="AcknowledgeLater"/>, in order); does nothing once the connection is closed.</summary>
    /// <returns>Whether the acknowledgement was handed to the socket.</returns>
    public bool Acknowledge(ushort packetId)
    {
        lock (_send)
        {
            if (!IsOpen)
            {
                return false;
            }

            AppendAckLocked(packetId);
            return FlushAcksLocked();
        }
    }

    /// <summary>
    /// Holds a PUBACK for a QoS 1 message read on this connection, to go out in one write with the next
    /// <see cref="Acknowledge"/>, <see cref="FlushAcknowledgements"/>, keep-alive tick or clean close: many
    /// acknowledgements then go out in one send. Acknowledgements keep their order.
    /// </summary>
    /// <param name="packetId">The message's packet id.</param>
    /// <param name="maxHeld">Once this many are held, all of them are written now.</param>
    /// <returns>Whether the acknowledgement was taken (false once the connection is closed).</returns>
    public bool AcknowledgeLater(ushort packetId, int maxHeld = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeld, 1);
        lock (_send)
        {
            if (!IsOpen)
            {
                return false;
            }

            AppendAckLocked(packetId);
            return _ackBytes / AckSize < maxHeld || FlushAcksLocked();
        }
    }

    /// <summary>Acknowledgements held by <see cref="AcknowledgeLater"/> and not yet written.</summary>
    public int HeldAcknowledgements
    {
        get
        {
            lock (_send)
            {
                return _ackBytes / AckSize;
            }
        }
    }

    /// <summary>Writes the acknowledgements held by <see cref="AcknowledgeLater"/>, if any, in one send.</summary>
    /// <returns>Whether they were handed to the socket (true when none were held and the connection is open).</returns>
    public bool FlushAcknowledgements()
    {
        lock (_send)
        {
            return IsOpen && FlushAcksLocked();
        }
    }

    private void AppendAckLocked(ushort packetId)
    {
        if (_ackBytes == _acks.Length)
        {
            Array.Resize(ref _acks, _acks.Length * 2);
        }

        var ack = _acks.AsSpan(_ackBytes, AckSize);
        ack[0] = 0x40;
        ack[1] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(ack[2..], packetId);
        _ackBytes += AckSize;
    }

    private bool FlushAcksLocked()
    {
        if (_ackBytes == 0)
        {
            return true;
        }

        var count = _ackBytes;
        _ackBytes = 0;
        return SendLocked(_acks, count);
    }

    private bool SendLocked(byte[] packet) => SendLocked(packet, packet.Length);

    private bool SendLocked(byte[] packet, int length)
    {
        try
        {
            var sent = 0;
            while (sent < length)
            {
                sent += _socket.Send(packet, sent, length - sent, SocketFlags.None);
            }

            Volatile.Write(ref _lastSendTicks, Stopwatch.GetTimestamp());
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Abort($"send failed: {e.Message}");
            return false;
        }
    }

    /// <summary>Puts <paramref name="keepAlive"/> in force, replacing the timer of an earlier period.</summary>
    private void StartKeepAlive(TimeSpan keepAlive)
    {
        _keepAlive?.Dispose();
        _keepAlive = null;
        KeepAlive = keepAlive;
        Volatile.Write(ref _keepAliveTicks, (long)(keepAlive.TotalSeconds * Stopwatch.Frequency));
        if (keepAlive > TimeSpan.Zero)
        {
            var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, keepAlive.Ticks / 4));
            _keepAlive = new Timer(static s => ((MqttSubscriberConnection)s!).KeepAliveTick(), this, period, period);
        }
    }

    private void KeepAliveTick()
    {
        if (!IsOpen)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var keepAlive = Volatile.Read(ref _keepAliveTicks);

        // Dead peer: the reader has waited on the socket for 1.5 keep-alive periods with nothing at all
        // arriving, although pings went out meanwhile. A reader that is not reading (the caller is busy)
        // is no sign of a dead broker.
        var waitingSince = Volatile.Read(ref _waitingSinceTicks);
        if (waitingSince != 0 && now - Math.Max(waitingSince, Volatile.Read(ref _lastReceiveTicks)) > keepAlive * 3 / 2)
        {
            Abort($"no packet from the broker for {1.5 * keepAlive / Stopwatch.Frequency:0.#} s");
            return;
        }

        lock (_send)
        {
            // Held acknowledgements wait at most until the next tick, whatever the caller does meanwhile.
            if (IsOpen && FlushAcksLocked() && now - Volatile.Read(ref _lastSendTicks) >= keepAlive / 2)
            {
                _ = SendLocked(PingRequest);
            }
        }
    }
}
