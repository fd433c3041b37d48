namespace TwinPlatform.Twins.Monitoring;

/// <summary>What a twin event reports.</summary>
public enum TwinEventKind
{
    /// <summary>A reading far outside what the calibrated model and the sensor's noise allow.</summary>
    Anomaly,

    /// <summary>A sensor's zero is drifting, or the residuals' mean has shifted.</summary>
    Drift,

    /// <summary>The calibrated material parameter no longer agrees with the material passport.</summary>
    CalibrationShift,

    /// <summary>A sensor went silent for longer than its expected period allows.</summary>
    Gap,

    /// <summary>A payload or sample was refused by the source (malformed, unknown sensor, wrong unit).</summary>
    Rejected,
}
