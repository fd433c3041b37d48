namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>One model input in <c>model.json</c>: its description and training statistics.</summary>
public sealed record ManifestFeature
{
    /// <summary>Feature name.</summary>
    public required string Name { get; init; }

    /// <summary>Unit of the values.</summary>
    public required string Unit { get; init; }

    /// <summary>Column of the training table.</summary>
    public required string SourceColumn { get; init; }

    /// <summary>Where a scene gives it.</summary>
    public required string Description { get; init; }

    /// <summary>Training minimum.</summary>
    public required double Minimum { get; init; }

    /// <summary>Training maximum.</summary>
    public required double Maximum { get; init; }

    /// <summary>Training mean.</summary>
    public required double Mean { get; init; }

    /// <summary>Training standard deviation.</summary>
    public required double StandardDeviation { get; init; }
}
