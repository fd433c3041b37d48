using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Features;

/// <summary>
/// The order and names of the full feature vector an <see cref="EngineFeatureState"/> writes:
/// statistic-major blocks of per-sensor values, then the cycle (age), then the health indicator of
/// every statistic.
/// </summary>
/// <remarks>
/// Index of sensor slot <c>i</c> and statistic <c>k</c>: <c>k * SensorCount + i</c>; the cycle is at
/// <see cref="CycleIndex"/>; the health indicator of statistic <c>k</c> at <c>HealthIndicatorOffset + k</c>.
/// Names read <c>s2_mean30</c>, <c>cycle</c>, <c>hi_slope30</c>. A model names the features it uses;
/// <see cref="IndexOf(string)"/> maps them back, so the layout can grow without breaking saved models.
/// </remarks>
public sealed class FeatureLayout
{
    /// <summary>Number of statistics per sensor (the members of <see cref="SensorStatistic"/>).</summary>
    public const int StatisticCount = 11;

    private readonly string[] _names;
    private readonly Dictionary<string, int> _index;

    /// <summary>Builds the layout of <paramref name="options"/>.</summary>
    public FeatureLayout(FeatureWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        SensorCount = options.Sensors.Count;
        CycleIndex = StatisticCount * SensorCount;
        HealthIndicatorOffset = CycleIndex + 1;
        Count = HealthIndicatorOffset + StatisticCount;
        _names = new string[Count];
        _index = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var k = 0; k < StatisticCount; k++)
        {
            var stat = StatisticName((SensorStatistic)k, options);
            for (var i = 0; i < SensorCount; i++)
            {
                _names[(k * SensorCount) + i] = $"{CmapssColumns.SensorName(options.Sensors[i])}_{stat}";
            }

            _names[HealthIndicatorOffset + k] = $"hi_{stat}";
        }

        _names[CycleIndex] = "cycle";
        for (var j = 0; j < Count; j++)
        {
            _index.Add(_names[j], j);
        }
    }

    /// <summary>The options the layout was built from.</summary>
    public FeatureWindowOptions Options { get; }

    /// <summary>Number of sensors.</summary>
    public int SensorCount { get; }

    /// <summary>Length of the full feature vector.</summary>
    public int Count { get; }

    /// <summary>Index of the cycle (engine age) feature.</summary>
    public int CycleIndex { get; }

    /// <summary>Index of the health indicator of the first statistic.</summary>
    public int HealthIndicatorOffset { get; }

    /// <summary>Name of feature <paramref name="index"/>.</summary>
    public string Name(int index) => _names[index];

    /// <summary>Index of the feature named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Index of sensor slot <paramref name="slot"/>'s statistic <paramref name="statistic"/>.</summary>
    public int IndexOf(SensorStatistic statistic, int slot) => ((int)statistic * SensorCount) + slot;

    /// <summary>
    /// True for statistics that are sensor levels (a health indicator adds its intercept and subtracts
    /// the sensor means); false for slopes and differences, which the indicator maps linearly only.
    /// </summary>
    public static bool IsLevel(SensorStatistic statistic) => statistic is not (SensorStatistic.Slope or SensorStatistic.LongSlope or SensorStatistic.Shift or SensorStatistic.QuadraticSlope or SensorStatistic.Curvature);

    /// <summary>Short name of a statistic under <paramref name="options"/>: <c>mean30</c>, <c>ewm10</c>, <c>shift</c>.</summary>
    public static string StatisticName(SensorStatistic statistic, FeatureWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return statistic switch
        {
            SensorStatistic.Mean => $"mean{options.WindowLength}",
            SensorStatistic.Slope => $"slope{options.WindowLength}",
            SensorStatistic.Last => "last",
            SensorStatistic.FastSmoothed => $"ewm{options.FastSmoothingSpan}",
            SensorStatistic.SlowSmoothed => $"ewm{options.SlowSmoothingSpan}",
            SensorStatistic.LongSlope => $"slope{options.LongWindowLength}",
            SensorStatistic.Baseline => $"base{options.BaselineCycles}",
            SensorStatistic.Shift => "shift",
            SensorStatistic.QuadraticLevel => $"qfit{options.LongWindowLength}",
            SensorStatistic.QuadraticSlope => $"qslope{options.LongWindowLength}",
            SensorStatistic.Curvature => $"qcurv{options.LongWindowLength}",
            _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, null),
        };
    }
}
