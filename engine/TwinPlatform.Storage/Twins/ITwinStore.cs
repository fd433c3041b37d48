namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The twin runtime's persistent store: runs, sensor time series, state snapshots, calibration
/// history, events and life-cycle lineage. <see cref="SqliteTwinStore"/> is the embedded default and
/// <see cref="PostgresTwinStore"/> the server option; both hold the schema of <see cref="TwinStoreSchema"/>.
/// Open one with <see cref="TwinStores.OpenAsync"/>.
/// </summary>
/// <remarks>
/// <para>Durability: every write method returns only after its transaction is committed (for SQLite,
/// fsync'd to the write-ahead log). A caller acknowledges a sample to its source (the broker) only
/// after <see cref="AppendSamplesAsync"/> returns; then a process killed at any point loses no
/// acknowledged sample.</para>
/// <para>Implementations are safe to call from several tasks at once. A run's data is addressed by
/// its run id; lineage is shared by all runs.</para>
/// </remarks>
public interface ITwinStore : IAsyncDisposable
{
    /// <summary>Creates a run, or reopens it when the id is already stored, and returns where it stands.</summary>
    /// <param name="run">The run; on reopen, only <see cref="RunInfo.RunId"/> and <see cref="RunInfo.SceneFileHash"/> are used.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The run exists with a different scene file hash.</exception>
    Task<ResumePoint> OpenRunAsync(RunInfo run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch of samples in one transaction and returns after it is committed. A sample whose
    /// (channel, sequence) the run already holds is skipped, so a redelivered sample is stored once.
    /// </summary>
    /// <param name="runId">An opened run.</param>
    /// <param name="samples">The samples, in acceptance order; <see cref="StoredSample.Ordinal"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled batch is not stored.</param>
    /// <exception cref="InvalidOperationException">The run was never opened.</exception>
    Task<SampleAppendResult> AppendSamplesAsync(string runId, IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default);

    /// <summary>Streams a run's samples in acceptance order (by ordinal), without loading them all into memory.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="afterOrdinal">Only samples with a larger ordinal (0 for all).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <remarks>The enumeration sees the samples committed when it starts; writers are not blocked meanwhile.</remarks>
    IAsyncEnumerable<StoredSample> ReadSamplesAsync(string runId, long afterOrdinal = 0, CancellationToken cancellationToken = default);

    /// <summary>Saves a twin's state as of a sample ordinal (replacing a snapshot saved at the same ordinal).</summary>
    /// <param name="runId">An opened run.</param>
    /// <param name="twinId">The twin.</param>
    /// <param name="ordinal">The run's sample ordinal the state includes.</param>
    /// <param name="stateJson">The state as JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SaveSnapshotAsync(string runId, string twinId, long ordinal, string stateJson, CancellationToken cancellationToken = default);

    /// <summary>The snapshot of a twin with the highest ordinal, or null.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="twinId">The twin.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TwinSnapshot?> ReadLatestSnapshotAsync(string runId, string twinId, CancellationToken cancellationToken = default);

    /// <summary>Appends one step of calibration history.</summary>
    /// <param name="runId">An opened run.</param>
    /// <param name="point">The estimate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task AppendCalibrationAsync(string runId, CalibrationPoint point, CancellationToken cancellationToken = default);

    /// <summary>A run's calibration history in the order it was appended, optionally for one twin.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="twinId">Only this twin's history, or null for every twin.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<CalibrationPoint>> ReadCalibrationAsync(string runId, string? twinId = null, CancellationToken cancellationToken = default);

    /// <summary>Appends an event.</summary>
    /// <param name="runId">An opened run.</param>
    /// <param name="twinEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task AppendEventAsync(string runId, TwinEvent twinEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events and calibration points in one transaction (one commit however many there are),
    /// each list in its order; nothing is written when the run is unknown.
    /// </summary>
    /// <param name="runId">An opened run.</param>
    /// <param name="events">The events.</param>
    /// <param name="calibration">The calibration points.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task AppendHistoryAsync(string runId, IReadOnlyList<TwinEvent> events, IReadOnlyList<CalibrationPoint> calibration, CancellationToken cancellationToken = default);

    /// <summary>A run's events in the order they were appended.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TwinEvent>> ReadEventsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Adds a lineage edge; an edge with the same from, to, relation, kind and source is stored once.</summary>
    /// <param name="edge">The edge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the edge was new.</returns>
    Task<bool> AppendLineageAsync(LineageEdge edge, CancellationToken cancellationToken = default);

    /// <summary>The edges that start or end at a node, in the order they were added.</summary>
    /// <param name="nodeId">The node (material, component, system, run, ...).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<LineageEdge>> ReadLineageAsync(string nodeId, CancellationToken cancellationToken = default);
}
