namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>The applicability-domain test of a model in <c>model.json</c> (ranges and means are in the features).</summary>
public sealed record ManifestDomain
{
    /// <summary>The test, in words.</summary>
    public required string Method { get; init; }

    /// <summary>Weight of the identity in the shrunk correlation matrix.</summary>
    public required double Shrinkage { get; init; }

    /// <summary>Percentile of the leave-one-group-out training distances used as threshold.</summary>
    public required double Percentile { get; init; }

    /// <summary>Mahalanobis distance threshold.</summary>
    public required double Threshold { get; init; }

    /// <summary>Shrunk correlation matrix of the standardised features, row by row.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Correlation { get; init; }
}
