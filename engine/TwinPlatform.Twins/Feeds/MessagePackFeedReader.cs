using System.Runtime.CompilerServices;
using MessagePack;
using TwinPlatform.Core;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// Replays a feed recorded by <see cref="MessagePackFeedWriter"/>: a file of MessagePack batches of
/// sensor messages. Each batch is checked and converted like a live payload.
/// </summary>
/// <remarks>
/// A bad batch or message is rejected with the file and the batch's byte offset as origin
/// (<c>feed.msgpack@1024</c>) and the reason, in <see cref="Rejected"/> and <see cref="Counters"/>,
/// and reading goes on; bytes cut off at the end of the file are rejected as truncated.
/// </remarks>
public sealed class MessagePackFeedReader : ISensorSource, IMonitoredSensorSource
{
    private readonly string _path;
    private readonly SensorPayloadReader _payloads;
    private readonly List<FeedRejection> _rejected = [];

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The feed file.</param>
    /// <param name="converter">Checks messages (against a scene's sensors when it has them) and converts to SI.</param>
    public MessagePackFeedReader(string path, SensorMessageConverter converter)
    {
        _path = path;
        _payloads = new SensorPayloadReader(converter);
    }

    /// <inheritdoc/>
    public string Description => $"replay {Path.GetFileName(_path)}";

    /// <inheritdoc/>
    public SensorSourceCounters Counters { get; } = new();

    /// <summary>Batches (index -1) or messages rejected so far, each naming the file and byte offset of its batch, and the reason.</summary>
    public IReadOnlyList<FeedRejection> Rejected => _rejected;

    /// <summary>Reads the raw messages batch by batch, without checks or conversion (for re-publishing a recording).</summary>
    public async IAsyncEnumerable<SensorMessage[]> ReadMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var codec = new SensorMessageCodec(int.MaxValue);
        var messages = new List<SensorMessage>();
        var rejections = new List<FeedRejection>();
        await foreach (var (offset, batch) in ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Clear();
            rejections.Clear();
            _ = codec.Decode(batch, Origin(offset), messages, rejections);
            Counters.RecordPayload(messages.Count, rejections);
            _rejected.AddRange(rejections);
            if (messages.Count > 0)
            {
                yield return [.. messages];
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SensorSample> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var samples = new List<SensorSample>(256);
        var rejections = new List<FeedRejection>();
        await foreach (var (offset, batch) in ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            samples.Clear();
            rejections.Clear();
            _ = _payloads.Read(batch, Origin(offset), samples, rejections);
            Counters.RecordPayload(samples.Count, rejections);
            _rejected.AddRange(rejections);

            for (var i = 0; i < samples.Count; i++)
            {
                yield return samples[i];
            }
        }
    }

    private async IAsyncEnumerable<(long Offset, System.Buffers.ReadOnlySequence<byte> Batch)> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            throw new InputFileException(_path, 0, 0, string.Empty, "no such feed file");
        }

        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        using var reader = new MessagePackStreamReader(stream);
        long offset = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } batch)
        {
            yield return (offset, batch);
            offset += batch.Length;
        }

        if (!reader.RemainingBytes.IsEmpty)
        {
            var truncated = new FeedRejection(Origin(offset), -1, $"{reader.RemainingBytes.Length} byte(s) at the end of the file are a truncated batch");
            Counters.RecordPayload(0, [truncated]);
            _rejected.Add(truncated);
        }
    }

    private string Origin(long offset) => $"{_path}@{offset}";
}
