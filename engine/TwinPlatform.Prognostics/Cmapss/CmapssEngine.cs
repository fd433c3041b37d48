namespace TwinPlatform.Prognostics.Cmapss;

/// <summary>
/// One engine's trajectory from a C-MAPSS file: consecutive cycles from 1, with the operating
/// settings and the 21 sensors of each cycle (row-major, struct-of-arrays by quantity).
/// </summary>
public sealed class CmapssEngine
{
    private readonly double[] _settings;
    private readonly double[] _sensors;

    /// <summary>Creates an engine from its rows.</summary>
    /// <param name="unit">Unit number as in the file.</param>
    /// <param name="firstLine">1-based line of the engine's first row in its file.</param>
    /// <param name="settings">Operating settings, <see cref="CmapssColumns.SettingCount"/> per cycle.</param>
    /// <param name="sensors">Sensors, <see cref="CmapssColumns.SensorCount"/> per cycle.</param>
    public CmapssEngine(int unit, int firstLine, double[] settings, double[] sensors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sensors);
        if (settings.Length % CmapssColumns.SettingCount != 0 || sensors.Length % CmapssColumns.SensorCount != 0 ||
            settings.Length / CmapssColumns.SettingCount != sensors.Length / CmapssColumns.SensorCount)
        {
            throw new ArgumentException("settings and sensors must hold the same number of whole cycles");
        }

        Unit = unit;
        FirstLine = firstLine;
        _settings = settings;
        _sensors = sensors;
        CycleCount = sensors.Length / CmapssColumns.SensorCount;
    }

    /// <summary>Unit number as in the file.</summary>
    public int Unit { get; }

    /// <summary>1-based line of the first row in the file.</summary>
    public int FirstLine { get; }

    /// <summary>Number of cycles (rows); the cycles are 1..CycleCount.</summary>
    public int CycleCount { get; }

    /// <summary>Operating settings of the cycle at 0-based <paramref name="index"/> (cycle index + 1).</summary>
    public ReadOnlySpan<double> SettingsAt(int index) => _settings.AsSpan(index * CmapssColumns.SettingCount, CmapssColumns.SettingCount);

    /// <summary>The 21 sensors of the cycle at 0-based <paramref name="index"/> (cycle index + 1).</summary>
    public ReadOnlySpan<double> SensorsAt(int index) => _sensors.AsSpan(index * CmapssColumns.SensorCount, CmapssColumns.SensorCount);

    /// <summary>The first <paramref name="cycles"/> cycles only: what a twin had seen at that cycle.</summary>
    public CmapssEngine Truncate(int cycles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cycles, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cycles, CycleCount);
        return new CmapssEngine(
            Unit,
            FirstLine,
            _settings.AsSpan(0, cycles * CmapssColumns.SettingCount).ToArray(),
            _sensors.AsSpan(0, cycles * CmapssColumns.SensorCount).ToArray());
    }
}
