using System.Globalization;
using TwinPlatform.Core.Units;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// Routes live C-MAPSS samples (sensor ids <c>engine-{unit}/{channel}</c>, values in SI, sequence = cycle,
/// as <see cref="CmapssFeedReader"/> sends them) to a <see cref="TurbofanCycleAssembler"/>, converting each
/// value back to the unit of the C-MAPSS file the twins were trained on.
/// </summary>
/// <remarks>
/// <para>The wire carries SI doubles; converting back (for example Rankine to kelvin to Rankine, psia to Pa
/// to psia) leaves a rounding error of about 1e-16 relative. C-MAPSS files print every value with at most
/// <see cref="FileDecimals"/> decimals, so the value is rounded to that many decimals, which restores the
/// file's number exactly (the quotient of two exact doubles is correctly rounded, as parsing is): the twins
/// then see the same doubles over a live feed as in the recorded replay.</para>
/// <para>Samples that are not of a C-MAPSS engine channel, that are flagged bad or carry no value are not
/// routed (counted); the assembler holds the channel's previous value. Not thread-safe: one feeding loop.</para>
/// </remarks>
public sealed class TurbofanSampleRouter
{
    /// <summary>Decimals of the values in a C-MAPSS file.</summary>
    public const int FileDecimals = 4;

    private const double DecimalScale = 1e4;

    private readonly TurbofanCycleAssembler _assembler;
    private readonly string _twinPrefix;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly Unit[] _units = new Unit[TurbofanCycleAssembler.ChannelCount];
    private readonly double[] _scales = new double[TurbofanCycleAssembler.ChannelCount];
    private readonly Dictionary<string, (int Unit, int Column)> _ids = new(StringComparer.Ordinal);

    /// <summary>Creates a router.</summary>
    /// <param name="assembler">Where routed values go.</param>
    /// <param name="twinPrefix">Twin id prefix before the unit number (<see cref="CmapssFeedOptions.TwinPrefix"/>).</param>
    public TurbofanSampleRouter(TurbofanCycleAssembler assembler, string twinPrefix = "engine-")
    {
        ArgumentNullException.ThrowIfNull(assembler);
        ArgumentException.ThrowIfNullOrEmpty(twinPrefix);
        _assembler = assembler;
        _twinPrefix = twinPrefix;
        var column = 0;
        foreach (var channels in (IReadOnlyList<CmapssChannel>[])[CmapssChannels.Settings, CmapssChannels.Sensors])
        {
            foreach (var channel in channels)
            {
                _columns[channel.Name] = column;
                _units[column] = Unit.Parse(channel.Unit);
                _scales[column] = channel.Scale;
                column++;
            }
        }
    }

    /// <summary>The assembler fed.</summary>
    public TurbofanCycleAssembler Assembler => _assembler;

    /// <summary>Samples routed to the assembler.</summary>
    public long Routed { get; private set; }

    /// <summary>Samples whose sensor id is not a C-MAPSS engine channel.</summary>
    public long Unrouted { get; private set; }

    /// <summary>Samples flagged bad or without a value.</summary>
    public long Bad { get; private set; }

    /// <summary>Routes one sample.</summary>
    /// <returns>The engine twin this sample's arrival updated, or null.</returns>
    public TurbofanEngineTwin? Route(in SensorSample sample)
    {
        if (!_ids.TryGetValue(sample.Sensor, out var target))
        {
            if (!TryParse(sample.Sensor, out target))
            {
                Unrouted++;
                return null;
            }

            if (_ids.Count < 1 << 16)
            {
                _ids[sample.Sensor] = target;
            }
        }

        if (sample.Quality == SampleQuality.Bad || !double.IsFinite(sample.ValueSI) || sample.Sequence is < 1 or > int.MaxValue)
        {
            Bad++;
            return null;
        }

        var file = _units[target.Column].FromSI(sample.ValueSI) / _scales[target.Column];
        var value = Math.Round(file * DecimalScale) / DecimalScale;
        Routed++;
        return _assembler.Add(target.Unit, (int)sample.Sequence, target.Column, value == 0 ? 0.0 : value);
    }

    private bool TryParse(string id, out (int Unit, int Column) target)
    {
        target = default;
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        if (slash <= _twinPrefix.Length || !id.StartsWith(_twinPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (!int.TryParse(id.AsSpan(_twinPrefix.Length, slash - _twinPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var unit) || unit < 1)
        {
            return false;
        }

        if (!_columns.TryGetValue(id[(slash + 1)..], out var column))
        {
            return false;
        }

        target = (unit, column);
        return true;
    }
}
