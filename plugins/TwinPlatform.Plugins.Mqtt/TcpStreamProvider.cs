using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// The TCP connection to the broker for an MQTTnet client: a plain socket with Nagle's algorithm off
/// and the kernel's own buffer sizing.
/// </summary>
/// <remarks>
/// MQTTnet's built-in channel sets both socket buffers to 8 KB. On loopback at high message rates that
/// fixed receive buffer overflows with many small segments, the kernel then clamps the advertised window
/// below the sender's segment size, and the sender falls back to window probes: the connection moves a
/// few kilobytes per probe interval, which looks like a hang. Leaving the buffers to the kernel's
/// autotuning avoids it. Pass it with <c>MqttClientOptionsBuilder.WithStreamProvider</c>.
/// </remarks>
public sealed class TcpStreamProvider : IMqttClientStreamProvider
{
    /// <inheritdoc/>
    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken) =>
        await ConnectSocketAsync(brokerEndPoint, cancellationToken).ConfigureAwait(false);

    /// <summary>Connects a socket (no delay, autotuned buffers) and wraps it in a stream that owns it.</summary>
    internal static async Task<NetworkStream> ConnectSocketAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(brokerEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new NetworkStream(socket, ownsSocket: true);
    }
}
