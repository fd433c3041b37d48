using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Features;

/// <summary>
/// Settings of the online per-engine features: window lengths, smoothing spans, the baseline period
/// and the sensors used. Immutable; the model manifest stores it so the runtime rebuilds the same
/// features.
/// </summary>
public sealed record FeatureWindowOptions
{
    /// <summary>Cycles in the main window (mean and least-squares slope). Default 30.</summary>
    public int WindowLength { get; init; } = 30;

    /// <summary>Cycles in the long window (a second least-squares slope). Default 90; longer than <see cref="WindowLength"/>.</summary>
    public int LongWindowLength { get; init; } = 90;

    /// <summary>Span N of the fast exponentially weighted mean (weight 2/(N+1)). Default 10 cycles.</summary>
    public int FastSmoothingSpan { get; init; } = 10;

    /// <summary>Span N of the slow exponentially weighted mean (weight 2/(N+1)). Default 40 cycles; longer than the fast span.</summary>
    public int SlowSmoothingSpan { get; init; } = 40;

    /// <summary>
    /// Cycles at the start of an engine's life whose mean is its baseline (manufacturing variation and
    /// initial wear). Default 20. Before that many cycles are seen, the baseline is the mean so far.
    /// </summary>
    public int BaselineCycles { get; init; } = 20;

    /// <summary>0-based sensor indices (0 = s1) used; default the 14 informative sensors of FD001.</summary>
    public IReadOnlyList<int> Sensors { get; init; } = CmapssColumns.InformativeSensors.ToArray();

    /// <summary>Throws if a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length or span is not positive, the long window or slow span is not longer than the short one, or a sensor index is not 0..20.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, 2, nameof(WindowLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LongWindowLength, WindowLength, nameof(LongWindowLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(FastSmoothingSpan, 1, nameof(FastSmoothingSpan));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SlowSmoothingSpan, FastSmoothingSpan, nameof(SlowSmoothingSpan));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaselineCycles, 1, nameof(BaselineCycles));
        if (Sensors is null || Sensors.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Sensors), "at least one sensor is needed");
        }

        foreach (var s in Sensors)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(Sensors));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(s, CmapssColumns.SensorCount, nameof(Sensors));
        }
    }
}
