namespace TwinPlatform.Storage.Twins;

/// <summary>What the store holds for a run when it is opened: where a restarted twin picks up.</summary>
/// <param name="Run">The run as stored (its original start time when the run already existed).</param>
/// <param name="IsNew">True when this open created the run.</param>
/// <param name="AcceptedSamples">Samples accepted so far; also the ordinal of the latest one (ordinals have no gaps).</param>
/// <param name="LastSequenceByChannel">The highest stored sequence number per channel; a source resumes after it.</param>
/// <param name="LatestSnapshots">The latest snapshot of each twin that has one, ordered by twin id.</param>
/// <remarks>
/// A twin resumes by loading its latest snapshot, then replaying
/// <see cref="ITwinStore.ReadSamplesAsync"/> after the snapshot's ordinal (or from the start without one).
/// </remarks>
public sealed record ResumePoint(
    RunInfo Run,
    bool IsNew,
    long AcceptedSamples,
    IReadOnlyDictionary<string, long> LastSequenceByChannel,
    IReadOnlyList<TwinSnapshot> LatestSnapshots)
{
    /// <summary>The latest snapshot of a twin, or null.</summary>
    /// <param name="twinId">The twin.</param>
    public TwinSnapshot? LatestSnapshotOf(string twinId)
    {
        foreach (var s in LatestSnapshots)
        {
            if (s.TwinId == twinId)
            {
                return s;
            }
        }

        return null;
    }
}
