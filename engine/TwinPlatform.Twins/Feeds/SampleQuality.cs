namespace TwinPlatform.Twins.Feeds;

/// <summary>Quality of a sample as the source reported it or as conditioning found it.</summary>
public enum SampleQuality : byte
{
    /// <summary>Good: usable for state and calibration.</summary>
    Good = 0,

    /// <summary>The source flagged it uncertain; kept for display, not calibrated on.</summary>
    Uncertain = 1,

    /// <summary>The source flagged it bad, or the value is NaN/infinite or out of range.</summary>
    Bad = 2,
}
