using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// One MQTT 5 connection that subscribes and receives: CONNECT, SUBSCRIBE, then PUBLISH packets read
/// straight from the socket into one reusable buffer, PUBACK written when the caller says so, and
/// keep-alive pings. It allocates nothing per message but the topic string the first time a topic is seen.
/// </summary>
/// <remarks>
/// <para>The reader pulls: nothing is read from the socket until <see cref="ReadPublishAsync"/> is
/// called, so a caller that stops reading leaves the backlog in the broker (TCP flow control), and the
/// broker sends at most <see cref="MqttSensorSourceOptions.ReceiveMaximum"/> unacknowledged QoS 1
/// messages.</para>
/// <para>One reader at a time; <see cref="Acknowledge"/> and <see cref="DisposeAsync"/> may be called from
/// any thread. The connection does not reconnect: once closed (by the broker, a protocol error, a dead
/// peer or the caller) it stays closed and <see cref="CloseReason"/> says why.</para>
/// </remarks>
public sealed partial class MqttSubscriberConnection : IAsyncDisposable
{
    private const int InitialBuffer = 64 * 1024;
    private const int MaxPacket = 256 * 1024 * 1024;
    private const int TopicCacheLimit = 4096;
    private const ushort SubscribePacketId = 1;
    private static readonly byte[] Disconnect = [0xE0, 0x00];

    private readonly Socket _socket;
    private readonly Lock _send = new();
    private readonly Queue<(byte Flags, byte[] Body)> _early = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _topicLookup;
    private Timer? _keepAlive;
    private ReceiveLowWaterMark? _lowWater;
    private long _keepAliveTicks;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private long _lastSendTicks;
    private long _lastReceiveTicks;
    private long _waitingSinceTicks;
    private volatile string? _closeReason;
    private int _closed;

    private MqttSubscriberConnection(Socket socket, TimeSpan keepAlive)
    {
        _socket = socket;
        _topicLookup = _topics.GetAlternateLookup<ReadOnlySpan<char>>();
        _lastSendTicks = _lastReceiveTicks = Stopwatch.GetTimestamp();
        StartKeepAlive(keepAlive);
    }

    /// <summary>The keep-alive period in force: the one asked for, or the broker's if it set its own in CONNACK.</summary>
    public TimeSpan KeepAlive { get; private set; }

    /// <summary>Whether the broker said it resumed a session it held for this client id.</summary>
    public bool SessionPresent { get; private set; }

    /// <summary>Whether blocking reads wait for a block of data now (see <see cref="MqttSensorSourceOptions.ReceiveLowWater"/>).</summary>
    internal bool IsLowWaterRaised => _lowWater?.IsRaised == true;

    /// <summary>How many times blocking reads began to wait for a block of data.</summary>
    internal long LowWaterRaises => _lowWater?.Raises ?? 0;

    /// <summary>Whether the connection is still open.</summary>
    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    /// <summary>Why the connection closed; null while it is open.</summary>
    public string? CloseReason => _closeReason;

    /// <summary>The PUBLISH packet the last successful <see cref="ReadPublishAsync"/> returned; its payload is valid until the next read.</summary>
    public MqttInboundPublish Current { get; private set; }

    /// <summary>
    /// Opens a TCP connection (Nagle off, kernel-sized buffers), connects with MQTT 5 and subscribes to
    /// <see cref="MqttSensorSourceOptions.TopicFilter"/> at QoS 1, all within <see cref="MqttSensorSourceOptions.ConnectTimeout"/>.
    /// </summary>
    /// <exception cref="MqttConnectionException">The broker could not be reached in time, refused the connection or the subscription, or answered out of protocol.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static Task<MqttSubscriberConnection> ConnectAsync(MqttSensorSourceOptions options, CancellationToken cancellationToken) =>
        Task.Run(() => Connect(options, cancellationToken), CancellationToken.None);

    /// <summary>
    /// As <see cref="ConnectAsync"/>, blocking the calling thread. The socket then stays in blocking mode as
    /// long as only <see cref="ReadPublish"/> reads it, so a receive thread wakes straight from the kernel.
    /// </summary>
    /// <exception cref="MqttConnectionException">The broker could not be reached in time, refused the connection or the subscription, or answered out of protocol.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static MqttSubscriberConnection Connect(MqttSensorSourceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReceiveLowWater, nameof(options) + "." + nameof(options.ReceiveLowWater));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReceiveLowWaterWait, TimeSpan.Zero, nameof(options) + "." + nameof(options.ReceiveLowWaterWait));
        var timeout = (int)Math.Clamp(options.ConnectTimeout.TotalMilliseconds, 1, int.MaxValue);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = timeout, ReceiveTimeout = timeout };
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.ConnectTimeout);
        MqttSubscriberConnection? connection = null;

        // Blocking calls end when the socket closes under them: that is how the time limit and cancellation act.
        using (attempt.Token.Register(() => socket.Dispose()))
        {
            try
            {
                socket.Connect(options.Host, options.Port);
                connection = new MqttSubscriberConnection(socket, options.KeepAlive);
                connection.Handshake(options);
                socket.ReceiveTimeout = 0;

                // Not during the handshake, whose reads have the connect time-out.
                connection._lowWater = new ReceiveLowWaterMark(socket, options.ReceiveLowWater, options.ReceiveLowWaterWait);
                return connection;
            }
            catch (Exception e) when (attempt.IsCancellationRequested && e is not OutOfMemoryException)
            {
                connection?.Abort("connect cancelled");
                socket.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw new MqttConnectionException($"no answer from {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.#} s", e);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                connection?.Abort("connect timed out");
                socket.Dispose();
                throw new MqttConnectionException($"no answer from {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.#} s", e);
            }
            catch
            {
                connection?.Abort("connect failed");
                socket.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Reads packets until the next PUBLISH (answering pings and skipping what a subscriber may ignore)
    /// and exposes it as <see cref="Current"/>. Returns false once the connection is closed.
    /// </summary>
    public async ValueTask<bool> ReadPublishAsync(CancellationToken cancellationToken = default)
    {
        while (IsOpen)
        {
            if (TryNextPublish())
            {
                return true;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// As <see cref="ReadPublishAsync"/>, blocking the calling thread while the socket has nothing: for a
    /// receive loop on a thread of its own, which then wakes straight from the socket with no thread-pool
    /// hop. <see cref="Abort"/> or <see cref="DisposeAsync"/> from another thread ends a blocked read.
    /// </summary>
    public bool ReadPublish()
    {
        while (IsOpen)
        {
            if (TryNextPublish())
            {
                return true;
            }

            if (!Fill())
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether a whole packet is already buffered, so that the next read returns it without waiting on the socket.</summary>
    /// <remarks>For the reader only, like the reads themselves.</remarks>
    public bool HasBufferedPacket
    {
        get
        {
            if (_early.Count > 0)
            {
                return true;
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            return available.Length >= 2 && MqttPackets.TryReadVarInt(available[1..], out var length, out var size) && available.Length >= 1 + size + length;
        }
    }

    /// <summary>Closes the connection abruptly (no DISCONNECT): the broker keeps the session and, with a will, would publish it.</summary>
    public void Abort(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closeReason = reason;
        _keepAlive?.Dispose();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _socket.Close();
    }

    /// <summary>Sends DISCONNECT (normal; the broker keeps a persistent session) and closes.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_send)
        {
            if (IsOpen && FlushAcksLocked())
            {
                _ = SendLocked(Disconnect);
            }
        }

        Abort("closed by the client");
        return ValueTask.CompletedTask;
    }

    private void Handshake(MqttSensorSourceOptions options)
    {
        lock (_send)
        {
            if (!SendLocked(MqttPackets.Connect(options)) || !SendLocked(MqttPackets.Subscribe(SubscribePacketId, options.TopicFilter)))
            {
                throw new MqttConnectionException($"the connection to {options.Host}:{options.Port} closed while connecting: {_closeReason}");
            }
        }

        var connected = false;
        while (true)
        {
            if (!TryTakePacket(out var type, out var flags, out var body))
            {
                if (!Fill())
                {
                    throw new MqttConnectionException($"{options.Host}:{options.Port} closed the connection while connecting: {_closeReason}");
                }

                continue;
            }

            var span = body.AsSpan();
            if (!connected)
            {
                if (type != 2 || span.Length < 2)
                {
                    throw new MqttConnectionException($"{options.Host}:{options.Port} answered CONNECT with packet type {type}, not CONNACK");
                }

                if (span[1] >= 0x80)
                {
                    throw new MqttConnectionException($"the broker refused the connection: {MqttPackets.ReasonName(span[1])} (0x{span[1]:X2})");
                }

                SessionPresent = (span[0] & 1) != 0;

                // MQTT 5: a broker may impose its own keep-alive (Server Keep Alive), which the client must use.
                if (MqttPackets.ServerKeepAlive(span[2..]) is { } serverKeepAlive && TimeSpan.FromSeconds(serverKeepAlive) != KeepAlive)
                {
                    StartKeepAlive(TimeSpan.FromSeconds(serverKeepAlive));
                }

                connected = true;
                continue;
            }

            if (type == 3)
            {
                // A resumed session may deliver before the SUBACK; keep it for the first reads.
                _early.Enqueue((flags, span.ToArray()));
                continue;
            }

            if (type != 9)
            {
                HandleControl(type, body);
                continue;
            }

            var (packetId, codes) = MqttPackets.ParseSubAck(span);
            if (packetId != SubscribePacketId || codes.Length != 1)
            {
                throw new MqttConnectionException($"SUBACK for packet {packetId} with {codes.Length} codes, expected packet {SubscribePacketId} with 1");
            }

            if (codes[0] > 0x02)
            {
                throw new MqttConnectionException($"the broker refused the subscription to '{options.TopicFilter}': {MqttPackets.ReasonName(codes[0])} (0x{codes[0]:X2})");
            }

            return;
        }
    }

    /// <summary>Takes packets already buffered until a PUBLISH (now <see cref="Current"/>); false when the buffer runs out first.</summary>
    private bool TryNextPublish()
    {
        if (_early.TryDequeue(out var early))
        {
            Current = ParsePublish(early.Flags, new ArraySegment<byte>(early.Body));
            return true;
        }

        while (TryTakePacket(out var type, out var flags, out var body))
        {
            if (type == 3)
            {
                Current = ParsePublish(flags, body);
                return true;
            }

            HandleControl(type, body);
            if (!IsOpen)
            {
                return false;
            }
        }

        return false;
    }

    private MqttInboundPublish ParsePublish(byte flags, ArraySegment<byte> body)
    {
        var span = body.AsSpan();
        var qos = (flags >> 1) & 3;
        if (qos == 3 || span.Length < 2)
        {
            throw Protocol($"malformed PUBLISH (QoS {qos}, {span.Length} bytes)");
        }

        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(span);
        var at = 2 + topicLength;
        if (topicLength == 0 || at > span.Length)
        {
            throw Protocol($"PUBLISH with a topic of {topicLength} bytes in a packet of {span.Length}");
        }

        var topic = Topic(span.Slice(2, topicLength));
        ushort packetId = 0;
        if (qos > 0)
        {
            if (at + 2 > span.Length)
            {
                throw Protocol("PUBLISH without its packet id");
            }

            packetId = BinaryPrimitives.ReadUInt16BigEndian(span[at..]);
            at += 2;
        }

        if (!MqttPackets.TryReadVarInt(span[at..], out var propertiesLength, out var size) || at + size + propertiesLength > span.Length)
        {
            throw Protocol("PUBLISH with malformed properties");
        }

        at += size + propertiesLength;
        return new MqttInboundPublish(topic, (byte)qos, packetId, (flags & 8) != 0, body.AsMemory()[at..]);
    }

    private string Topic(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        int n;
        try
        {
            n = Encoding.UTF8.GetChars(utf8, chars);
        }
        catch (DecoderFallbackException)
        {
            throw Protocol("PUBLISH topic is not UTF-8");
        }

        if (_topicLookup.TryGetValue(chars[..n], out var topic))
        {
            return topic;
        }

        if (_topics.Count >= TopicCacheLimit)
        {
            _topics.Clear();
        }

        topic = new string(chars[..n]);
        _ = _topics.Add(topic);
        return topic;
    }

    private void HandleControl(int type, ArraySegment<byte> body)
    {
        switch (type)
        {
            case 13: // PINGRESP
            case 9: // SUBACK (a repeat; ignored)
            case 11: // UNSUBACK
            case 15: // AUTH
                return;
            case 14: // DISCONNECT from the broker
                var code = body.Count > 0 ? body[0] : (byte)0;
                Abort($"the broker disconnected: {MqttPackets.ReasonName(code)} (0x{code:X2})");
                return;
            default:
                throw Protocol($"unexpected packet type {type} from the broker");
        }
    }

    /// <summary>Takes one whole packet from the buffer, if there is one.</summary>
    private bool TryTakePacket(out int type, out byte flags, out ArraySegment<byte> body)
    {
        type = 0;
        flags = 0;
        body = default;
        var available = _buffer.AsSpan(_start, _end - _start);
        if (available.Length < 2)
        {
            return false;
        }

        if (!MqttPackets.TryReadVarInt(available[1..], out var length, out var size))
        {
            if (available.Length >= 5)
            {
                throw Protocol("malformed packet length");
            }

            return false;
        }

        if (length > MaxPacket)
        {
            throw Protocol($"a packet of {length} bytes is larger than {MaxPacket}");
        }

        var total = 1 + size + length;
        if (available.Length < total)
        {
            if (total > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(total, _buffer.Length * 2));
            }

            return false;
        }

        type = available[0] >> 4;
        flags = (byte)(available[0] & 0x0F);
        body = new ArraySegment<byte>(_buffer, _start + 1 + size, length);
        _start += total;
        return true;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        var free = BeginReceive();
        try
        {
            // An asynchronous receive has no time-out to end a wait for a raised mark.
            _lowWater?.Lower();
            return Received(await _socket.ReceiveAsync(free, SocketFlags.None, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return ReceiveFailed(e);
        }
        finally
        {
            Volatile.Write(ref _waitingSinceTicks, 0);
        }
    }

    private bool Fill()
    {
        var free = BeginReceive();
        try
        {
            return Received(_lowWater is { } mark ? mark.Receive(free.Span) : _socket.Receive(free.Span, SocketFlags.None));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return ReceiveFailed(e);
        }
        finally
        {
            Volatile.Write(ref _waitingSinceTicks, 0);
        }
    }

    /// <summary>Makes room at the buffer's tail (moving what is left to its start once the tail is used up), notes that the reader waits, and returns the free tail.</summary>
    private Memory<byte> BeginReceive()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        Volatile.Write(ref _waitingSinceTicks, Stopwatch.GetTimestamp());
        return _buffer.AsMemory(_end);
    }

    private bool ReceiveFailed(Exception e)
    {
        Abort(_closeReason ?? $"receive failed: {e.Message}");
        return false;
    }

    private bool Received(int n)
    {
        if (n == 0)
        {
            Abort("the broker closed the connection");
            return false;
        }

        _end += n;
        Volatile.Write(ref _lastReceiveTicks, Stopwatch.GetTimestamp());
        return true;
    }

    private MqttConnectionException Protocol(string what)
    {
        Abort($"protocol error: {what}");
        return new MqttConnectionException($"protocol error: {what}");
    }
}
