namespace TwinPlatform.Materials.Prediction;

/// <summary>Settings of a <see cref="RecordCrossValidation"/>.</summary>
public sealed record CrossValidationOptions
{
    /// <summary>Matbench's fold seed.</summary>
    public const int MatbenchSeed = 18012019;

    /// <summary>Number of folds.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Independent repetitions with other fold assignments (seed + repeat).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Seed of the fold assignment of the first repetition.</summary>
    public int Seed { get; init; } = MatbenchSeed;

    /// <summary>How rows are dealt to folds.</summary>
    public FoldScheme Scheme { get; init; } = FoldScheme.Grouped;

    /// <summary>Receives progress lines; may be null.</summary>
    public Action<string>? Log { get; init; }
}
