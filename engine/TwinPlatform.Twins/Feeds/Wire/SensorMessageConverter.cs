using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TwinPlatform.Core.Graph;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// Turns wire messages into runtime samples: checks each message, converts its value to SI with its
/// unit and names the sample's sensor. With a scene's sensors, a message must name a sensor of the
/// scene, on the twin it is attached to, in a unit of the sensor's dimension.
/// </summary>
/// <remarks>Not thread-safe (it caches units and ids): one converter per receive loop or behind a lock.</remarks>
public sealed class SensorMessageConverter
{
    private readonly Dictionary<string, SensorNode>? _sensors;
    private readonly UnitCache _units = new();
    private readonly Dictionary<(string Twin, string Channel), string> _ids = [];

    // In front of _ids: the same twin and channel instances (a decoder's cached names) found without hashing their text.
    private readonly Dictionary<(string Twin, string Channel), string> _idsByReference = new(ReferencePairComparer.Instance);

    /// <summary>Creates a converter.</summary>
    /// <param name="sensors">The scene's sensors; null accepts any twin and channel.</param>
    /// <param name="mode">How twin and channel become the sample's sensor id.</param>
    public SensorMessageConverter(IEnumerable<SensorNode>? sensors = null, SensorIdMode mode = SensorIdMode.Channel)
    {
        Mode = mode;
        if (sensors is not null)
        {
            _sensors = new Dictionary<string, SensorNode>(StringComparer.Ordinal);
            foreach (var s in sensors)
            {
                _sensors[s.Id] = s;
            }
        }
    }

    /// <summary>How twin and channel become the sample's sensor id.</summary>
    public SensorIdMode Mode { get; }

    /// <summary>Whether messages are checked against a scene's sensors.</summary>
    public bool ChecksScene => _sensors is not null;

    /// <summary>Converts one message; false with a reason when it breaks a rule.</summary>
    public bool TryConvert(in SensorMessage message, out SensorSample sample, [NotNullWhen(false)] out string? reason)
    {
        sample = default;
        if (!SensorMessageValidator.TryValidate(message, _units, out var unit, out reason))
        {
            return false;
        }

        var id = Mode == SensorIdMode.Channel ? message.Channel : Id(message.Twin, message.Channel);
        if (_sensors is not null)
        {
            if (!_sensors.TryGetValue(id, out var sensor))
            {
                reason = $"no sensor '{id}' in the scene";
                return false;
            }

            if (Mode == SensorIdMode.Channel && sensor.Attachment.Twin.Value != message.Twin)
            {
                reason = $"sensor '{id}' is on twin '{sensor.Attachment.Twin.Value}', not '{message.Twin}'";
                return false;
            }

            if (unit.Dimension != sensor.Unit.Dimension)
            {
                reason = $"unit '{message.Unit}' is a {unit.Dimension.Name}; sensor '{id}' measures {sensor.Quantity}";
                return false;
            }

            // The scene's own id string, so every sample of a sensor shares one instance.
            id = sensor.Id;
        }

        var valueSI = double.IsNaN(message.Value) ? double.NaN : unit.ToSI(message.Value);
        sample = new SensorSample(id, message.TimestampUtcTicks, valueSI, message.Quality, message.Sequence);
        reason = null;
        return true;
    }

    /// <summary>Converts a batch, appending samples and one rejection per bad message (indexed within the batch).</summary>
    public void Convert(ReadOnlySpan<SensorMessage> batch, string origin, List<SensorSample> samples, List<FeedRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rejections);
        for (var i = 0; i < batch.Length; i++)
        {
            if (TryConvert(batch[i], out var sample, out var reason))
            {
                samples.Add(sample);
            }
            else
            {
                rejections.Add(new FeedRejection(origin, i, reason));
            }
        }
    }

    private string Id(string twin, string channel)
    {
        if (_idsByReference.TryGetValue((twin, channel), out var id))
        {
            return id;
        }

        if (!_ids.TryGetValue((twin, channel), out id))
        {
            id = twin + "/" + channel;
            if (_ids.Count < UnitCache.Capacity * 16)
            {
                _ids[(twin, channel)] = id;
            }
        }

        if (_idsByReference.Count < UnitCache.Capacity * 16)
        {
            _idsByReference[(twin, channel)] = id;
        }

        return id;
    }

    /// <summary>
    /// Pairs of strings compared by reference (the same two instances) and hashed by identity, so equal text in
    /// fresh instances (a transport that does not cache names) spreads over the table instead of piling up in one chain.
    /// </summary>
    private sealed class ReferencePairComparer : IEqualityComparer<(string Twin, string Channel)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((string Twin, string Channel) x, (string Twin, string Channel) y) =>
            ReferenceEquals(x.Twin, y.Twin) && ReferenceEquals(x.Channel, y.Channel);

        public int GetHashCode((string Twin, string Channel) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Twin), RuntimeHelpers.GetHashCode(obj.Channel));
    }
}
