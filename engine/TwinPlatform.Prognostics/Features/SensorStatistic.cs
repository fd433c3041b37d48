namespace TwinPlatform.Prognostics.Features;

/// <summary>A per-sensor statistic the online feature state maintains.</summary>
public enum SensorStatistic
{
    /// <summary>Mean over the main window (fewer cycles while the window fills).</summary>
    Mean,

    /// <summary>Least-squares slope over the main window, units per cycle (0 with one cycle).</summary>
    Slope,

    /// <summary>The latest value.</summary>
    Last,

    /// <summary>Fast exponentially weighted mean (bias-corrected while it warms up).</summary>
    FastSmoothed,

    /// <summary>Slow exponentially weighted mean (bias-corrected while it warms up).</summary>
    SlowSmoothed,

    /// <summary>Least-squares slope over the long window, units per cycle.</summary>
    LongSlope,

    /// <summary>Mean of the engine's first baseline cycles: its own starting point.</summary>
    Baseline,

    /// <summary>Slow smoothed value minus the baseline: drift since the start of life.</summary>
    Shift,

    /// <summary>
    /// Level at the latest cycle of a least-squares quadratic over the long window: a denoised current
    /// value that follows the accelerating (roughly exponential) degradation.
    /// </summary>
    QuadraticLevel,

    /// <summary>Slope at the latest cycle of the long-window quadratic, units per cycle.</summary>
    QuadraticSlope,

    /// <summary>Curvature (second-order coefficient) of the long-window quadratic, units per cycle².</summary>
    Curvature,
}
