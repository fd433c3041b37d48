namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>The cross-validation protocol whose metrics the properties report.</summary>
public sealed record ManifestCrossValidation
{
    /// <summary>Number of folds.</summary>
    public required int Folds { get; init; }

    /// <summary>Seed of the fold assignment.</summary>
    public required int Seed { get; init; }

    /// <summary>The protocol, in words.</summary>
    public required string Protocol { get; init; }
}
