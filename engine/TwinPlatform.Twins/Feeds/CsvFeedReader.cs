using System.Globalization;
using System.Runtime.CompilerServices;
using TwinPlatform.Core;
using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// Replays a recorded feed in CSV: header <c>timestamp,sensor,value,unit,quality,seq</c>, one sample
/// per row, timestamps in ISO 8601 UTC. Values are converted to SI with the row's unit, which must
/// have the dimension of the sensor's quantity.
/// </summary>
/// <remarks>
/// A row that cannot be read is a malformed payload: it is rejected with file, line, column and
/// reason in <see cref="Rejected"/>, and reading goes on. An empty value or <c>NaN</c> is kept as
/// NaN so that conditioning can flag it.
/// </remarks>
public sealed class CsvFeedReader : ISensorSource
{
    private static readonly string[] Header = ["timestamp", "sensor", "value", "unit", "quality", "seq"];
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, SensorNode> _sensors;
    private readonly List<InputFileException> _rejected = [];

    /// <summary>Creates a reader for a file and the scene's sensors (by id).</summary>
    public CsvFeedReader(string path, IEnumerable<SensorNode> sensors)
    {
        _path = path;
        var map = new Dictionary<string, SensorNode>(StringComparer.Ordinal);
        foreach (var s in sensors)
        {
            map[s.Id] = s;
        }

        _sensors = map;
    }

    /// <inheritdoc/>
    public string Description => $"replay {Path.GetFileName(_path)}";

    /// <summary>Rows rejected so far, each naming file, line, column and reason.</summary>
    public IReadOnlyList<InputFileException> Rejected => _rejected;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SensorSample> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_path))
        {
            throw new InputFileException(_path, 0, 0, string.Empty, "no such feed file");
        }

        using var reader = new StreamReader(_path);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InputFileException(_path, 1, 1, string.Empty, "the feed file is empty");
        var columns = header.Split(',');
        for (var i = 0; i < Header.Length; i++)
        {
            if (i >= columns.Length || columns[i].Trim() != Header[i])
            {
                throw new InputFileException(_path, 1, 0, string.Empty, $"expected the header '{string.Join(',', Header)}'");
            }
        }

        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var lineNumber = 1;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (TryParse(line, lineNumber, units, out var sample))
            {
                yield return sample;
            }
        }
    }

    private bool TryParse(string line, int lineNumber, Dictionary<string, Unit> units, out SensorSample sample)
    {
        sample = default;
        var f = line.Split(',');
        if (f.Length != Header.Length)
        {
            return Reject(lineNumber, 0, string.Empty, $"expected {Header.Length} fields, found {f.Length}");
        }

        if (!DateTimeOffset.TryParse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return Reject(lineNumber, 1, "timestamp", $"'{f[0]}' is not an ISO 8601 time");
        }

        if (!_sensors.TryGetValue(f[1], out var sensor))
        {
            return Reject(lineNumber, 2, "sensor", $"no sensor '{f[1]}' in the scene");
        }

        double value;
        if (f[2].Length == 0 || f[2] == "NaN")
        {
            value = double.NaN;
        }
        else if (!double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return Reject(lineNumber, 3, "value", $"'{f[2]}' is not a number");
        }

        if (!units.TryGetValue(f[3], out var unit))
        {
            try
            {
                unit = Unit.Parse(f[3]);
            }
            catch (UnitException e)
            {
                return Reject(lineNumber, 4, "unit", e.Message);
            }

            units[f[3]] = unit;
        }

        if (unit.Dimension != sensor.Unit.Dimension)
        {
            return Reject(lineNumber, 4, "unit", $"'{f[3]}' is a {unit.Dimension.Name}; sensor '{sensor.Id}' measures {sensor.Quantity}");
        }

        var quality = f[4] switch
        {
            "good" or "" => SampleQuality.Good,
            "uncertain" => SampleQuality.Uncertain,
            "bad" => SampleQuality.Bad,
            _ => (SampleQuality)255,
        };
        if ((byte)quality == 255)
        {
            return Reject(lineNumber, 5, "quality", $"'{f[4]}' is not good, uncertain or bad");
        }

        if (!long.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seq))
        {
            return Reject(lineNumber, 6, "seq", $"'{f[5]}' is not a whole number");
        }

        sample = new SensorSample(sensor.Id, time.UtcTicks, double.IsNaN(value) ? value : unit.ToSI(value), quality, seq);
        return true;
    }

    private bool Reject(int line, int column, string field, string reason)
    {
        _rejected.Add(new InputFileException(_path, line, column, field, reason));
        return false;
    }
}
