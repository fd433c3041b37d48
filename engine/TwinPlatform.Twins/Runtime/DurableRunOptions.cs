namespace TwinPlatform.Twins.Runtime;

/// <summary>How a durable run reads its source, commits and ends.</summary>
public sealed record DurableRunOptions
{
    /// <summary>The run's id in the store; a run that exists and is not complete is resumed.</summary>
    public required string RunId { get; init; }

    /// <summary>Most samples committed in one transaction (several deliveries are gathered up to this).</summary>
    public int CommitBatch { get; init; } = 1000;

    /// <summary>End the run when no delivery has arrived for this long after the first one; null waits until cancelled or the source ends.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>End the run after this many samples were received in this process; null for no limit.</summary>
    public long? MaxSamples { get; init; }

    /// <summary>Deliveries held between the source and the committer before the source is made to wait.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>A calibration point goes to the store every this many gauge samples of a component.</summary>
    public int CalibrationEvery { get; init; } = 200;

    /// <summary>Receives state updates after each committed batch (a SignalR hub's subscribers), or null.</summary>
    public Feeds.ITwinStatePublisher? StatePublisher { get; init; }

    /// <summary>Called after each committed and acknowledged batch with the run's total accepted samples (tests use it to crash at a chosen point).</summary>
    public Action<long>? AfterCommit { get; init; }
}
