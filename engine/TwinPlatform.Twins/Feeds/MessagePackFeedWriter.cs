using System.Buffers;
using MessagePack;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// Records a feed as a MessagePack file: a sequence of batches, each an array of sensor messages in
/// the wire format (<see cref="SensorMessageCodec"/>), with nothing between them. Replayed by <see cref="MessagePackFeedReader"/>.
/// </summary>
/// <remarks>Not thread-safe. A file cut short by a crash keeps every batch written before the cut.</remarks>
public sealed class MessagePackFeedWriter : IAsyncDisposable, IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>Creates (or replaces) a feed file.</summary>
    public MessagePackFeedWriter(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true), ownsStream: true)
    {
    }

    /// <summary>Writes to a stream.</summary>
    /// <param name="stream">Where the batches go.</param>
    /// <param name="ownsStream">Whether disposing the writer disposes the stream.</param>
    public MessagePackFeedWriter(Stream stream, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
    }

    /// <summary>Batches written so far.</summary>
    public long Batches { get; private set; }

    /// <summary>Messages written so far.</summary>
    public long Messages { get; private set; }

    /// <summary>Appends a batch to the buffer; it reaches the stream at the next flush or when the buffer fills.</summary>
    public void Write(ReadOnlySpan<SensorMessage> batch)
    {
        var writer = new MessagePackWriter(_buffer);
        SensorMessageCodec.WriteBatch(ref writer, batch);
        writer.Flush();
        Batches++;
        Messages += batch.Length;
        if (_buffer.WrittenCount >= 48 * 1024)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.Clear();
        }
    }

    /// <summary>Writes what is buffered to the stream and flushes it.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _buffer.Clear();
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes and, if owned, closes the stream.</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        if (_ownsStream)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Flushes and, if owned, closes the stream.</summary>
    public void Dispose()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.Clear();
        }

        _stream.Flush();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
