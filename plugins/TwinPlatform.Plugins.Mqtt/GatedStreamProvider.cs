using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// Opens the TCP connection to the broker and wraps it so that reading pauses while the consumer
/// is behind (see <see cref="MqttReadGate"/>). Pausing the socket read leaves the backlog in the
/// broker (TCP flow control) and keeps the client's memory bounded even when a broker sends more
/// than the client's receive maximum.
/// </summary>
/// <param name="gate">Asked before every read; told about every PUBLISH packet read.</param>
internal sealed class GatedStreamProvider(MqttReadGate gate) : IMqttClientStreamProvider
{
    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var stream = await TcpStreamProvider.ConnectSocketAsync(brokerEndPoint, cancellationToken).ConfigureAwait(false);
        gate.Reset();
        return new GatedStream(stream, gate);
    }

    private sealed class GatedStream(NetworkStream inner, MqttReadGate gate) : Stream
    {
        private const int PublishType = 3;
        private int _state;
        private bool _isPublish;
        private int _lengthShift;
        private long _remaining;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Track(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        // Follows MQTT framing (MQTT 5.0 section 2.1: a fixed-header byte whose high nibble is the
        // packet type, a variable byte integer with the remaining length, then that many bytes) to
        // count the PUBLISH packets read, whatever the read boundaries.
        private void Track(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                switch (_state)
                {
                    case 0:
                        _isPublish = bytes[i++] >> 4 == PublishType;
                        _remaining = 0;
                        _lengthShift = 0;
                        _state = 1;
                        break;
                    case 1:
                        var b = bytes[i++];
                        _remaining |= (long)(b & 0x7F) << _lengthShift;
                        _lengthShift += 7;
                        if ((b & 0x80) == 0)
                        {
                            _state = 2;
                            if (_remaining == 0)
                            {
                                EndPacket();
                            }
                        }

                        break;
                    default:
                        var take = (int)Math.Min(_remaining, bytes.Length - i);
                        i += take;
                        _remaining -= take;
                        if (_remaining == 0)
                        {
                            EndPacket();
                        }

                        break;
                }
            }
        }

        private void EndPacket()
        {
            if (_isPublish)
            {
                gate.PublishRead();
            }

            _state = 0;
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
