using TwinPlatform.Materials.Prediction.Manifest;

namespace TwinPlatform.Materials.Prediction;

/// <summary>What <see cref="PropertyModelTrainer"/> trains and how it documents the result.</summary>
public sealed record PropertyModelTrainingOptions
{
    /// <summary>Model id (<c>nims-steel</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What the model predicts, for whom.</summary>
    public required string Description { get; init; }

    /// <summary>Id of the featuriser whose features the data set holds.</summary>
    public required string Featurizer { get; init; }

    /// <summary>Source file name written into the manifest.</summary>
    public required string DataFile { get; init; }

    /// <summary>Citation of the data.</summary>
    public required string Citation { get; init; }

    /// <summary>
    /// Provenance kinds of the training values (<c>experiment</c>, <c>computation</c>, ...), written into the
    /// manifest so that every prediction states what the model learned from (experimental and computed data
    /// are kept apart).
    /// </summary>
    public required IReadOnlyList<string> DataKinds { get; init; }

    /// <summary>What a group of rows is (<c>heat: same composition, ...</c>).</summary>
    public required string Grouping { get; init; }

    /// <summary>Training date written into the manifest and into every prediction's provenance.</summary>
    public required DateTimeOffset Trained { get; init; }

    /// <summary>Ensemble settings.</summary>
    public EnsembleOptions Ensemble { get; init; } = new();

    /// <summary>Grouped cross-validation folds; 0 skips cross-validation.</summary>
    public int Folds { get; init; } = 10;

    /// <summary>Seed of the fold assignment.</summary>
    public int FoldSeed { get; init; } = 7;

    /// <summary>Rows already removed from the data set, recorded in the manifest.</summary>
    public ManifestHoldout? Holdout { get; init; }

    /// <summary>Identity weight of the domain's shrunk correlation matrix.</summary>
    public double DomainShrinkage { get; init; } = 0.1;

    /// <summary>Percentile of leave-one-group-out distances used as domain threshold.</summary>
    public double DomainPercentile { get; init; } = 0.99;

    /// <summary>Receives progress lines; may be null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Action<string>? Log { get; init; }
}
