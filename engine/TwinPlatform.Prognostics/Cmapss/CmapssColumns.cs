namespace TwinPlatform.Prognostics.Cmapss;

/// <summary>
/// The 26 columns of a C-MAPSS row (unit, cycle, 3 operating settings, 21 sensors) and the sensors
/// that carry information in FD001.
/// </summary>
public static class CmapssColumns
{
    /// <summary>Columns per row.</summary>
    public const int Count = 26;

    /// <summary>Operating settings per row.</summary>
    public const int SettingCount = 3;

    /// <summary>Sensors per row.</summary>
    public const int SensorCount = 21;

    /// <summary>0-based column of the first operating setting.</summary>
    public const int FirstSettingColumn = 2;

    /// <summary>0-based column of sensor 1.</summary>
    public const int FirstSensorColumn = 5;

    private static readonly string[] Names = BuildNames();

    /// <summary>
    /// 0-based sensor indices (0 = s1) of the 14 sensors that vary in FD001: s2, s3, s4, s7, s8, s9,
    /// s11, s12, s13, s14, s15, s17, s20, s21. The other seven are constant (or nearly so) under the
    /// single operating condition of FD001.
    /// </summary>
    public static ReadOnlySpan<int> InformativeSensors => [1, 2, 3, 6, 7, 8, 10, 11, 12, 13, 14, 16, 19, 20];

    /// <summary>Name of a 0-based column: <c>unit</c>, <c>cycle</c>, <c>setting1</c>..<c>setting3</c>, <c>s1</c>..<c>s21</c>.</summary>
    public static string Name(int column) => Names[column];

    /// <summary>Name of a 0-based sensor index: <c>s1</c>..<c>s21</c>.</summary>
    public static string SensorName(int sensor) => Names[FirstSensorColumn + sensor];

    private static string[] BuildNames()
    {
        var names = new string[Count];
        names[0] = "unit";
        names[1] = "cycle";
        for (var i = 0; i < SettingCount; i++)
        {
            names[FirstSettingColumn + i] = $"setting{i + 1}";
        }

        for (var i = 0; i < SensorCount; i++)
        {
            names[FirstSensorColumn + i] = $"s{i + 1}";
        }

        return names;
    }
}
