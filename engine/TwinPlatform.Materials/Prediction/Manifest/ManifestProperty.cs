namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>One predicted property in <c>model.json</c>: its ensemble archive, calibration and cross-validation metrics.</summary>
public sealed record ManifestProperty
{
    /// <summary>Property name (<see cref="MaterialPropertyNames"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Unit of the training values and of the ensemble's output (<c>MPa</c>).</summary>
    public required string Unit { get; init; }

    /// <summary>Column of the training table.</summary>
    public required string SourceColumn { get; init; }

    /// <summary>What was measured.</summary>
    public required string Description { get; init; }

    /// <summary>The ensemble archive, relative to the model folder.</summary>
    public required string File { get; init; }

    /// <summary>Number of ensemble members in the archive.</summary>
    public required int EnsembleSize { get; init; }

    /// <summary>The conformal calibration of the interval.</summary>
    public required ConformalCalibration Calibration { get; init; }

    /// <summary>Pooled out-of-fold metrics of the grouped cross-validation, if it was run.</summary>
    public RegressionMetrics? CrossValidation { get; init; }

    /// <summary>Interval coverage in each fold, if cross-validation was run.</summary>
    public IReadOnlyList<double>? FoldCoverage { get; init; }
}
