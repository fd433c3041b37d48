using System.Net.Sockets;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// Blocking receives that wake the reader once a block has arrived, rather than at every packet the peer
/// writes, while data arrives faster than the reader takes it (the socket's receive low-water mark,
/// <c>SO_RCVLOWAT</c>), and wake it at the first byte again once the stream slows.
/// </summary>
/// <remarks>
/// <para>Each wake of a reader blocked on the socket costs the writer (the broker) a scheduler wake-up and,
/// with the reader on the other core, an interrupt there. At a few packets per wake that is a large share
/// of what both processes spend per packet on a small machine.</para>
/// <para>The mark is raised when one receive brings at least a quarter of it or fills the space offered
/// (data piled up while the reader was busy), together with a receive time-out of the given wait, so the tail
/// of a burst below the mark waits at most that long. A receive that brings less, or times out empty, lowers
/// the mark to one byte. At rates where each receive finds a packet or two, the mark stays at one byte and
/// nothing waits.</para>
/// <para>For blocking receives only: an asynchronous receive has no time-out, so a raised mark must be
/// lowered before one (<see cref="Lower"/>).</para>
/// </remarks>
internal sealed class ReceiveLowWaterMark
{
    private readonly Socket _socket;
    private readonly int _mark;
    private readonly int _waitMilliseconds;

    /// <summary>Creates the mark for <paramref name="socket"/>, lowered.</summary>
    /// <param name="socket">A connected socket in blocking mode.</param>
    /// <param name="mark">Bytes to wait for while data piles up; 1 or less never raises it.</param>
    /// <param name="wait">Longest a receive waits for the mark.</param>
    public ReceiveLowWaterMark(Socket socket, int mark, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _mark = mark;
        _waitMilliseconds = (int)Math.Clamp(Math.Ceiling(wait.TotalMilliseconds), 1, int.MaxValue);
    }

    /// <summary>Whether receives wait for the mark now.</summary>
    public bool IsRaised { get; private set; }

    /// <summary>How many times the mark was raised.</summary>
    public long Raises { get; private set; }

    /// <summary>Receives into <paramref name="buffer"/>, blocking until the mark (or, while lowered, one byte) has arrived or the wait ends with something.</summary>
    /// <returns>Bytes received; 0 when the peer closed the connection.</returns>
    /// <exception cref="SocketException">The receive failed.</exception>
    public int Receive(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _socket.Receive(buffer, SocketFlags.None);
        }
        catch (SocketException e) when (IsRaised && e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            // Nothing at all within the wait: the burst is over, so wait for the first byte of what comes next.
            Lower();
            n = _socket.Receive(buffer, SocketFlags.None);
        }

        if (n > 0 && _mark > 1)
        {
            var piledUp = n >= Math.Min(_mark / 4, buffer.Length);
            if (piledUp && !IsRaised)
            {
                Set(_mark, _waitMilliseconds);
                IsRaised = true;
                Raises++;
            }
            else if (!piledUp && IsRaised)
            {
                Lower();
            }
        }

        return n;
    }

    /// <summary>Lowers the mark to one byte, with no time-out, if it is raised.</summary>
    public void Lower()
    {
        if (IsRaised)
        {
            Set(1, 0);
            IsRaised = false;
        }
    }

    private void Set(int mark, int timeoutMilliseconds)
    {
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveLowWater, mark);
        _socket.ReceiveTimeout = timeoutMilliseconds;
    }
}
