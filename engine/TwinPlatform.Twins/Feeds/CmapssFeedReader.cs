using System.Globalization;
using System.Runtime.CompilerServices;
using TwinPlatform.Core;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// Replays a NASA C-MAPSS turbofan file (<c>train_FD001.txt</c>, <c>test_FD001.txt</c>): each row
/// (unit, cycle, 3 settings, 21 sensors, space separated) becomes one message per channel with twin
/// <c>engine-{unit}</c>, the cycle mapped to time by <see cref="CmapssFeedOptions.CyclePeriod"/>, and
/// sequence number = cycle.
/// </summary>
/// <remarks>
/// As an <see cref="ISensorSource"/> the sensor ids are <c>engine-{unit}/{channel}</c> (every engine
/// has the same channels). A row that cannot be read is rejected with file, line and reason in
/// <see cref="Rejected"/>, and reading goes on. Channels and units: <see cref="CmapssChannels"/>.
/// </remarks>
public sealed class CmapssFeedReader : ISensorSource, IMonitoredSensorSource
{
    private readonly string _path;
    private readonly CmapssFeedOptions _options;
    private readonly SensorMessageConverter _converter;
    private readonly List<InputFileException> _rejected = [];
    private readonly CmapssChannel[] _channels;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The C-MAPSS text file.</param>
    /// <param name="options">Time mapping, twin naming, order; defaults when null.</param>
    /// <param name="converter">Converts messages to samples; by default <c>twin/channel</c> ids and no scene checks.</param>
    public CmapssFeedReader(string path, CmapssFeedOptions? options = null, SensorMessageConverter? converter = null)
    {
        _path = path;
        _options = options ?? new CmapssFeedOptions();
        _converter = converter ?? new SensorMessageConverter(null, SensorIdMode.TwinAndChannel);
        _channels = _options.IncludeSettings ? [.. CmapssChannels.Settings, .. CmapssChannels.Sensors] : [.. CmapssChannels.Sensors];
    }

    /// <inheritdoc/>
    public string Description => $"replay C-MAPSS {Path.GetFileName(_path)}";

    /// <inheritdoc/>
    public SensorSourceCounters Counters { get; } = new();

    /// <summary>Channels sent per row, in order.</summary>
    public IReadOnlyList<CmapssChannel> Channels => _channels;

    /// <summary>Rows rejected so far, each naming file, line, column and reason.</summary>
    public IReadOnlyList<InputFileException> Rejected => _rejected;

    /// <summary>Reads the file as one batch of messages per row.</summary>
    public async IAsyncEnumerable<SensorMessage[]> ReadMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_path))
        {
            throw new InputFileException(_path, 0, 0, string.Empty, "no such C-MAPSS file");
        }

        var rows = new List<(int Unit, int Cycle, double[] Values)>();
        var twins = new Dictionary<int, string>();
        using var reader = new StreamReader(_path);
        var lineNumber = 0;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryParse(line, lineNumber, out var row))
            {
                continue;
            }

            if (_options.FleetTimeOrder)
            {
                rows.Add(row);
            }
            else
            {
                yield return ToMessages(row, twins);
            }
        }

        if (_options.FleetTimeOrder)
        {
            // Stable: file order within a cycle, so engines come in unit order.
            var ordered = rows.Select((r, i) => (r, i)).OrderBy(x => x.r.Cycle).ThenBy(x => x.i);
            foreach (var (row, _) in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ToMessages(row, twins);
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SensorSample> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var samples = new List<SensorSample>(_channels.Length);
        var rejections = new List<FeedRejection>();
        await foreach (var batch in ReadMessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            samples.Clear();
            rejections.Clear();
            _converter.Convert(batch, _path, samples, rejections);
            Counters.RecordPayload(samples.Count, rejections);
            foreach (var s in samples)
            {
                yield return s;
            }
        }
    }

    private SensorMessage[] ToMessages((int Unit, int Cycle, double[] Values) row, Dictionary<int, string> twins)
    {
        if (!twins.TryGetValue(row.Unit, out var twin))
        {
            twin = _options.TwinPrefix + row.Unit.ToString(CultureInfo.InvariantCulture);
            twins[row.Unit] = twin;
        }

        var ticks = _options.Start.UtcTicks + ((row.Cycle - 1) * _options.CyclePeriod.Ticks);
        var offset = _options.IncludeSettings ? 0 : CmapssChannels.Settings.Count;
        var messages = new SensorMessage[_channels.Length];
        for (var c = 0; c < _channels.Length; c++)
        {
            var channel = _channels[c];
            messages[c] = new SensorMessage(twin, channel.Name, ticks, row.Values[c + offset] * channel.Scale, channel.Unit, SampleQuality.Good, row.Cycle);
        }

        return messages;
    }

    private bool TryParse(string line, int lineNumber, out (int Unit, int Cycle, double[] Values) row)
    {
        row = default;
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CmapssChannels.ColumnCount)
        {
            return Reject(lineNumber, 0, string.Empty, $"expected {CmapssChannels.ColumnCount} columns (unit, cycle, 3 settings, 21 sensors), found {fields.Length}");
        }

        if (!int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var unit) || unit < 1)
        {
            return Reject(lineNumber, 1, "unit", $"'{fields[0]}' is not a unit number");
        }

        if (!int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cycle) || cycle < 1)
        {
            return Reject(lineNumber, 2, "cycle", $"'{fields[1]}' is not a cycle number");
        }

        var values = new double[CmapssChannels.ColumnCount - 2];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.TryParse(fields[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                var name = i < 3 ? CmapssChannels.Settings[i].Name : CmapssChannels.Sensors[i - 3].Name;
                return Reject(lineNumber, i + 3, name, $"'{fields[i + 2]}' is not a number");
            }
        }

        row = (unit, cycle, values);
        return true;
    }

    private bool Reject(int line, int column, string field, string reason)
    {
        _rejected.Add(new InputFileException(_path, line, column, field, reason));
        Counters.RecordPayload(0, [new FeedRejection($"{_path}:{line}", -1, reason)]);
        return false;
    }
}
