namespace TwinPlatform.Core.Lineage;

/// <summary>Where a value came from. Computed and experimental data are never mixed silently.</summary>
public enum ProvenanceKind
{
    /// <summary>Measured in a laboratory test on a specimen.</summary>
    Experiment,

    /// <summary>Computed by a physics-based model (finite elements, handbook formula).</summary>
    Computation,

    /// <summary>Predicted by a data-driven model.</summary>
    Prediction,

    /// <summary>Read from a sensor on a rig or a fielded product.</summary>
    Sensor,

    /// <summary>Inferred from in-service evidence (a twin's calibration against sensor data).</summary>
    InService,

    /// <summary>Taken from a cited handbook or material table.</summary>
    Handbook,
}
