using TwinPlatform.Prognostics.Features;

namespace TwinPlatform.Prognostics.Training;

/// <summary>
/// How the remaining-useful-life model is trained and calibrated: features, target cap, ensemble
/// members, sample weights, the health indicator, cross-validation folds and the interval.
/// </summary>
public sealed record RulTrainingOptions
{
    /// <summary>Training target: RUL capped at this many cycles (piecewise-linear target). Default 125.</summary>
    public double CapCycles { get; init; } = 125;

    /// <summary>The online window features.</summary>
    public FeatureWindowOptions Features { get; init; } = new();

    /// <summary>Names of the features the trees use, in order (see <see cref="FeatureLayout"/>); null for all.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>The ensemble: its prediction is the mean of the members'.</summary>
    public IReadOnlyList<RulMemberOptions> Members { get; init; } = [new RulMemberOptions()];

    /// <summary>Ridge penalty of the health-indicator fit (per sample, on standardised sensors).</summary>
    public double HealthIndicatorRidge { get; init; } = 1e-3;

    /// <summary>
    /// Weight of training cycles whose true RUL is above the cap (the flat, healthy part of the target),
    /// relative to 1 for the degrading part. Default 1 (no weighting).
    /// </summary>
    public double HealthyCycleWeight { get; init; } = 1.0;

    /// <summary>Folds of the grouped (by engine) cross-validation.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed that deals engines to folds.</summary>
    public int FoldSeed { get; init; } = 7;

    /// <summary>Nominal coverage of the interval. Default 0.90.</summary>
    public double Level { get; init; } = 0.90;

    /// <summary>Bins of the predicted RUL for the conformal interval (equal counts).</summary>
    public int IntervalBins { get; init; } = 10;

    /// <summary>Most members trained at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;

    /// <summary>Throws if a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(CapCycles > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(CapCycles), CapCycles, "the cap is positive");
        }

        Features.Validate();
        if (Members.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Members), "at least one member");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2, nameof(Folds));
        ArgumentOutOfRangeException.ThrowIfNegative(HealthIndicatorRidge, nameof(HealthIndicatorRidge));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HealthyCycleWeight, nameof(HealthyCycleWeight));
        if (Level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "the level lies strictly between 0 and 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(IntervalBins, 1, nameof(IntervalBins));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
    }
}
