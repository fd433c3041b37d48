namespace TwinPlatform.Storage.Twins;

/// <summary>The event kinds the twin runtime writes; <see cref="TwinEvent.Kind"/> accepts any other text too.</summary>
public static class TwinEventKinds
{
    /// <summary>Residuals show a persistent bias: the model drifts from the measurement.</summary>
    public const string Drift = "drift";

    /// <summary>A sample or a residual far outside its expected band.</summary>
    public const string Anomaly = "anomaly";

    /// <summary>A channel stopped delivering (a gap in time or in sequence numbers).</summary>
    public const string Gap = "gap";

    /// <summary>A sample the runtime refused (bad unit, bad quality, out of physical range).</summary>
    public const string Rejected = "rejected";

    /// <summary>A calibrated parameter no longer agrees with the material passport.</summary>
    public const string CalibrationShift = "calibration-shift";

    /// <summary>The run ended normally and its report was written; it is not resumed again.</summary>
    public const string RunCompleted = "run-completed";
}
