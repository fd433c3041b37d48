namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>The training data of a model in <c>model.json</c>.</summary>
public sealed record ManifestData
{
    /// <summary>The source file name.</summary>
    public required string File { get; init; }

    /// <summary>Citation of the data.</summary>
    public required string Citation { get; init; }

    /// <summary>Rows used for training (after the hold-out).</summary>
    public required int Rows { get; init; }

    /// <summary>Groups (heats) used for training.</summary>
    public required int Groups { get; init; }

    /// <summary>What a group is.</summary>
    public required string Grouping { get; init; }

    /// <summary>
    /// Provenance kinds of the training values (<c>experiment</c>, <c>computation</c>, ...): a model states
    /// whether it learnt from measurements or from computed values. Null in a manifest that does not say.
    /// </summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Rows held out of training, if any.</summary>
    public ManifestHoldout? Holdout { get; init; }
}
