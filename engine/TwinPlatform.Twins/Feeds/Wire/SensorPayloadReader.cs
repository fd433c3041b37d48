using System.Buffers;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// Decodes a MessagePack payload from a gateway straight into runtime samples: the codec's
/// structural checks, then the converter's semantic and scene checks, each rejection carrying the
/// message's index in the payload.
/// </summary>
/// <remarks>Not thread-safe: one per receive loop (an MQTT client's callbacks are sequential) or behind a lock.</remarks>
public sealed class SensorPayloadReader
{
    private readonly SensorMessageCodec _codec;
    private readonly List<SensorMessage> _messages = [];
    private readonly List<int> _indices = [];

    /// <summary>Creates a reader.</summary>
    /// <param name="converter">Checks messages and converts them to SI samples.</param>
    /// <param name="maxBatchSize">Largest batch accepted, in messages.</param>
    public SensorPayloadReader(SensorMessageConverter converter, int maxBatchSize = SensorMessageCodec.DefaultMaxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(converter);
        Converter = converter;
        _codec = new SensorMessageCodec(maxBatchSize);
    }

    /// <summary>The converter in use.</summary>
    public SensorMessageConverter Converter { get; }

    /// <summary>Largest batch accepted, in messages.</summary>
    public int MaxBatchSize => _codec.MaxBatchSize;

    /// <summary>Decodes and converts one payload.</summary>
    /// <param name="payload">The bytes received.</param>
    /// <param name="origin">Where they came from, for rejection records.</param>
    /// <param name="samples">Receives the accepted samples in payload order.</param>
    /// <param name="rejections">Receives what was rejected and why.</param>
    /// <returns>False when the whole payload was rejected.</returns>
    public bool Read(ReadOnlySequence<byte> payload, string origin, List<SensorSample> samples, List<FeedRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rejections);
        _messages.Clear();
        _indices.Clear();
        // The converter validates every message, so the codec only reads them.
        if (!_codec.Decode(payload, origin, _messages, _indices, rejections, validate: false))
        {
            return false;
        }

        for (var i = 0; i < _messages.Count; i++)
        {
            if (Converter.TryConvert(_messages[i], out var sample, out var reason))
            {
                samples.Add(sample);
            }
            else if (_indices[i] < 0)
            {
                rejections.Add(new FeedRejection(origin, -1, reason));
                return false;
            }
            else
            {
                rejections.Add(new FeedRejection(origin, _indices[i], reason));
            }
        }

        return true;
    }

    /// <summary>Decodes and converts one payload held in memory.</summary>
    public bool Read(ReadOnlyMemory<byte> payload, string origin, List<SensorSample> samples, List<FeedRejection> rejections) =>
        Read(new ReadOnlySequence<byte>(payload), origin, samples, rejections);
}
