namespace TwinPlatform.Twins.Feeds;

/// <summary>Settings of a <see cref="FeedConditioner"/>.</summary>
public sealed record FeedConditionerOptions
{
    /// <summary>How many samples are held to re-sort disorder; larger tolerates more disorder at more latency.</summary>
    public int ReorderWindow { get; init; } = 16;

    /// <summary>An interval longer than this many nominal intervals is a gap.</summary>
    public double GapFactor { get; init; } = 3.0;

    /// <summary>Release order for equal timestamps: lower first (system inputs before component sensors).</summary>
    public IReadOnlyDictionary<string, int> Priority { get; init; } = new Dictionary<string, int>();

    /// <summary>Plausible range per sensor, SI; values outside are flagged bad.</summary>
    public IReadOnlyDictionary<string, (double Min, double Max)> RangesSI { get; init; } = new Dictionary<string, (double, double)>();
}
