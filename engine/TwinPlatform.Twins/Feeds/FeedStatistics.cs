namespace TwinPlatform.Twins.Feeds;

/// <summary>Counts of what conditioning did to a feed. Every fault is counted; none is silent.</summary>
public sealed class FeedStatistics
{
    /// <summary>Samples received from the source.</summary>
    public long Received { get; internal set; }

    /// <summary>Samples passed on to the twins, in time order.</summary>
    public long Released { get; internal set; }

    /// <summary>Samples dropped because their (sensor, sequence) was seen before.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Samples that arrived out of time order and were put back in place within the window.</summary>
    public long Reordered { get; internal set; }

    /// <summary>Samples that arrived later than the reorder window allows; dropped and counted.</summary>
    public long Late { get; internal set; }

    /// <summary>Samples flagged bad (NaN, infinite, out of range or flagged by the source); excluded from calibration.</summary>
    public long Bad { get; internal set; }

    /// <summary>Malformed rows or payloads rejected by the source.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Gaps found, per sensor: the latest <see cref="GapCapacity"/> held, <see cref="BoundedLog{T}.TotalCount"/> all of them.</summary>
    public BoundedLog<FeedGap> Gaps { get; } = new(GapCapacity);

    /// <summary>Gaps held in memory.</summary>
    public const int GapCapacity = 50_000;
}
