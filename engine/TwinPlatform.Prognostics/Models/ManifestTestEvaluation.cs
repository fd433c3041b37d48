namespace TwinPlatform.Prognostics.Models;

/// <summary>The single evaluation on the held-out test set, as recorded in a manifest.</summary>
public sealed record ManifestTestEvaluation
{
    /// <summary>The protocol, in words.</summary>
    public required string Protocol { get; init; }

    /// <summary>Metrics at the last cycle of each test engine, true RUL capped.</summary>
    public required ManifestMetrics LastCycle { get; init; }

    /// <summary>Test engines shorter than the window (predicted from the cycles they have).</summary>
    public required int EnginesShorterThanWindow { get; init; }
}
