using System.Runtime.CompilerServices;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Storage.Twins;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Reports;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Integration.Tests;

/// <summary><see cref="DurableRun"/> over the bracket's recorded feed, in process, against a SQLite store.</summary>
public sealed class DurableRunTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task Replay_StoresEveryEventAndCalibrationPoint_WithAtMostOneHistoryCommitPerSampleCommit()
    {
        var prepared = demo.Run.Prepared;
        var scene = prepared.Scene;
        var db = Path.Combine(RepoPaths.NewTempFolder("durable-history"), "twins.db");
        await using var sqlite = await SqliteTwinStore.OpenAsync(db);
        var store = new CountingStore(sqlite);
        var source = new CsvFeedReader(scene.Feed.ReplayPath!, scene.Sensors);

        var (run, durable) = await DurableRun.RunAsync(prepared, source, store, new DurableRunOptions { RunId = "history", CommitBatch = 500 }, 0);

        Assert.Equal("source ended", durable.EndReason);
        var raised = run.Runtime.Events;
        Assert.NotEmpty(raised);
        var stored = await sqlite.ReadEventsAsync("history");
        Assert.Equal(
            raised.Select(e => (e.Twin, SceneReportWriter.EventKindName(e.Kind), e.TimestampUtcTicks, e.Message)),
            stored.Select(e => (e.TwinId, e.Kind, e.TimestampUtc.UtcTicks, e.Message)));

        // A calibration point every 200 compared gauge samples of the component.
        var compared = run.Runtime.Components["bracket-A"].Compared;
        Assert.Equal(compared / 200, (await sqlite.ReadCalibrationAsync("history", "bracket-A")).Count);

        // The history of a batch goes to the store in one transaction, not one per event or point.
        Assert.Equal(0, store.SingleHistoryWrites);
        Assert.InRange(store.HistoryWrites, 1, store.SampleWrites + 1);
    }

    /// <summary>Passes every call to a store and counts the writes.</summary>
    private sealed class CountingStore(ITwinStore inner) : ITwinStore
    {
        public int SampleWrites { get; private set; }

        public int HistoryWrites { get; private set; }

        public int SingleHistoryWrites { get; private set; }

        public Task<ResumePoint> OpenRunAsync(RunInfo run, CancellationToken cancellationToken = default) => inner.OpenRunAsync(run, cancellationToken);

        public Task<SampleAppendResult> AppendSamplesAsync(string runId, IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
        {
            SampleWrites++;
            return inner.AppendSamplesAsync(runId, samples, cancellationToken);
        }

        public IAsyncEnumerable<StoredSample> ReadSamplesAsync(string runId, long afterOrdinal = 0, CancellationToken cancellationToken = default) =>
            inner.ReadSamplesAsync(runId, afterOrdinal, cancellationToken);

        public Task SaveSnapshotAsync(string runId, string twinId, long ordinal, string stateJson, CancellationToken cancellationToken = default) =>
            inner.SaveSnapshotAsync(runId, twinId, ordinal, stateJson, cancellationToken);

        public Task<TwinSnapshot?> ReadLatestSnapshotAsync(string runId, string twinId, CancellationToken cancellationToken = default) =>
            inner.ReadLatestSnapshotAsync(runId, twinId, cancellationToken);

        public Task AppendCalibrationAsync(string runId, CalibrationPoint point, CancellationToken cancellationToken = default)
        {
            SingleHistoryWrites++;
            return inner.AppendCalibrationAsync(runId, point, cancellationToken);
        }

        public Task<IReadOnlyList<CalibrationPoint>> ReadCalibrationAsync(string runId, string? twinId = null, CancellationToken cancellationToken = default) =>
            inner.ReadCalibrationAsync(runId, twinId, cancellationToken);

        public Task AppendEventAsync(string runId, TwinEvent twinEvent, CancellationToken cancellationToken = default)
        {
            SingleHistoryWrites++;
            return inner.AppendEventAsync(runId, twinEvent, cancellationToken);
        }

        public Task AppendHistoryAsync(string runId, IReadOnlyList<TwinEvent> events, IReadOnlyList<CalibrationPoint> calibration, CancellationToken cancellationToken = default)
        {
            HistoryWrites++;
            return inner.AppendHistoryAsync(runId, events, calibration, cancellationToken);
        }

        public Task<IReadOnlyList<TwinEvent>> ReadEventsAsync(string runId, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(runId, cancellationToken);

        public Task<bool> AppendLineageAsync(LineageEdge edge, CancellationToken cancellationToken = default) => inner.AppendLineageAsync(edge, cancellationToken);

        public Task<IReadOnlyList<LineageEdge>> ReadLineageAsync(string nodeId, CancellationToken cancellationToken = default) => inner.ReadLineageAsync(nodeId, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
