namespace TwinPlatform.Prognostics.Models;

/// <summary>Grouped cross-validation on the training engines, as recorded in a manifest.</summary>
public sealed record ManifestCrossValidation
{
    /// <summary>Number of folds.</summary>
    public required int Folds { get; init; }

    /// <summary>Seed that dealt engines to folds.</summary>
    public required int FoldSeed { get; init; }

    /// <summary>The protocol, in words.</summary>
    public required string Protocol { get; init; }

    /// <summary>Every cycle of every held-out engine.</summary>
    public required ManifestMetrics AllCycles { get; init; }

    /// <summary>Held-out cycles whose true RUL is at most the cap (the degrading part).</summary>
    public required ManifestMetrics DegradingCycles { get; init; }

    /// <summary>RMSE over all cycles of each fold, cycles.</summary>
    public required IReadOnlyList<double> FoldRmse { get; init; }
}
