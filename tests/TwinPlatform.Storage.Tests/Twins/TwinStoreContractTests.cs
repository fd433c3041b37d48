using TwinPlatform.Core.Lineage;
using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>
/// Every behaviour of <see cref="ITwinStore"/>, run against each database by a subclass
/// (<see cref="SqliteTwinStoreTests"/>, <see cref="PostgresTwinStoreTests"/>).
/// </summary>
public abstract partial class TwinStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<ITwinStore> _stores = [];

    /// <summary>Opens a store on the subclass's database; opening again reaches the same data.</summary>
    protected abstract Task<ITwinStore> OpenCoreAsync();

    /// <summary>Overwrites the schema version recorded in the database.</summary>
    protected abstract Task SetSchemaVersionAsync(string version);

    /// <summary>Runs SQL on the subclass's database, outside any store.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task AppendSamples_TwoBatches_ReadBackInAcceptanceOrderWithOrdinals()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        // Twin and unit change from sample to sample as well as the channel: each row keeps its own.
        StoredSample[] first = [Sample("a", 1, 10.5), Sample("b", 1, -3.25) with { Twin = "twin-2", Unit = "SI K" }, Sample("a", 2, 11)];
        StoredSample[] second = [Sample("b", 2, -3.5) with { Twin = "twin-2", Unit = "SI K" }, Sample("a", 3, 12), Sample("c", 1, 0.5) with { Unit = "SI K" }];

        var r1 = await store.AppendSamplesAsync(run, first);
        var r2 = await store.AppendSamplesAsync(run, second);
        var back = await ReadAllAsync(store, run);

        Assert.Equal(new SampleAppendResult(3, 0, 3), r1);
        Assert.Equal(new SampleAppendResult(3, 0, 6), r2);
        Assert.Equal(4, r2.FirstInsertedOrdinal);
        StoredSample[] expected = [.. first, .. second];
        Assert.Equal(expected.Length, back.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i] with { Ordinal = i + 1 }, back[i]);
        }
    }

    [Fact]
    public async Task AppendSamples_Redelivered_StoredOnceAndFirstCopyKept()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        await store.AppendSamplesAsync(run, Range("a", 1, 10, value: 1.0));

        var overlap = await store.AppendSamplesAsync(run, Range("a", 6, 15, value: 2.0));
        var repeatedInBatch = await store.AppendSamplesAsync(run, [Sample("a", 16, 3.0), Sample("a", 16, 4.0), Sample("a", 3, 5.0)]);
        var back = await ReadAllAsync(store, run);

        Assert.Equal(new SampleAppendResult(5, 5, 15), overlap);
        Assert.Equal(new SampleAppendResult(1, 2, 16), repeatedInBatch);
        Assert.Equal(16, back.Count);
        for (var i = 0; i < back.Count; i++)
        {
            Assert.Equal(i + 1, back[i].Ordinal);
            Assert.Equal(i + 1, back[i].Sequence);
        }

        Assert.Equal(1.0, back[5].Value);
        Assert.Equal(2.0, back[10].Value);
        Assert.Equal(3.0, back[15].Value);
    }

    [Fact]
    public async Task AppendSamples_SpecialValues_RoundTripExactly()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        double[] values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, -double.MaxValue, 1.0 / 3.0, 2.1e11];
        var samples = new StoredSample[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            samples[i] = new StoredSample("twin-ü", "ch/°", DateTime.MaxValue.Ticks - i, values[i], "Pa·s", (byte)(255 - i), long.MaxValue - i);
        }

        await store.AppendSamplesAsync(run, samples);
        var back = await ReadAllAsync(store, run);

        Assert.Equal(values.Length, back.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(values[i]), BitConverter.DoubleToInt64Bits(back[i].Value));
            Assert.Equal(samples[i] with { Ordinal = i + 1 }, back[i]);
        }

        Assert.True(double.IsNaN(back[0].Value));
    }

    [Fact]
    public async Task AppendSamples_EmptyBatch_ReturnsCurrentCount()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        await store.AppendSamplesAsync(run, Range("a", 1, 4));

        var result = await store.AppendSamplesAsync(run, []);

        Assert.Equal(new SampleAppendResult(0, 0, 4), result);
        Assert.Equal(0, result.FirstInsertedOrdinal);
    }

    [Fact]
    public async Task AppendSamples_UnknownRun_ThrowsNamingTheRun()
    {
        var store = await OpenAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendSamplesAsync("never-opened", [Sample("a", 1, 1)]));

        Assert.Contains("never-opened", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendSamples_SampleWithoutChannel_ThrowsArgumentException()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendSamplesAsync(run, [Sample("a", 1, 1), Sample("a", 2, 1) with { Channel = null! }]));
        Assert.Empty(await ReadAllAsync(store, run));
    }

    [Fact]
    public async Task AppendSamples_CancelledBeforeCommit_StoresNothing()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendSamplesAsync(run, Range("a", 1, 10), cts.Token));
        var after = await store.AppendSamplesAsync(run, Range("a", 1, 2));

        Assert.Equal(new SampleAppendResult(2, 0, 2), after);
    }

    [Fact]
    public async Task ReadSamples_AfterOrdinal_ReturnsOnlyLaterSamples()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        await store.AppendSamplesAsync(run, Range("a", 1, 10));

        var later = await ReadAllAsync(store, run, afterOrdinal: 7);

        Assert.Equal([8L, 9L, 10L], later.Select(s => s.Ordinal));
    }

    [Fact]
    public async Task ReadSamples_WhileAnotherBatchIsAppended_NeitherBlocksAndReaderSeesItsStartingPoint()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        await store.AppendSamplesAsync(run, Range("a", 1, 2000));

        var count = 0L;
        var last = 0L;
        await foreach (var s in store.ReadSamplesAsync(run))
        {
            if (count == 0)
            {
                var appended = await store.AppendSamplesAsync(run, Range("a", 2001, 2100)).WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(2100, appended.LastOrdinal);
            }

            count++;
            last = s.Ordinal;
        }

        Assert.Equal(2000, count);
        Assert.Equal(2000, last);
        Assert.Equal(2100, (await ReadAllAsync(store, run)).Count);
    }

    [Fact]
    public async Task Runs_SameChannelAndSequence_AreKeptApart()
    {
        var store = await OpenAsync();
        var runA = await NewRunAsync(store);
        var runB = await NewRunAsync(store);

        await store.AppendSamplesAsync(runA, Range("a", 1, 3, value: 1));
        var inB = await store.AppendSamplesAsync(runB, Range("a", 1, 5, value: 2));

        Assert.Equal(new SampleAppendResult(5, 0, 5), inB);
        Assert.All(await ReadAllAsync(store, runA), s => Assert.Equal(1, s.Value));
        Assert.Equal(5, (await ReadAllAsync(store, runB)).Count);
    }

    [Fact]
    public async Task OpenRun_NewId_ReturnsEmptyNewResumePoint()
    {
        var store = await OpenAsync();
        var info = NewRunInfo();

        var resume = await store.OpenRunAsync(info);

        Assert.True(resume.IsNew);
        Assert.Equal(info, resume.Run);
        Assert.Equal(0, resume.AcceptedSamples);
        Assert.Empty(resume.LastSequenceByChannel);
        Assert.Empty(resume.LatestSnapshots);
    }

    [Fact]
    public async Task OpenRun_AfterDispose_ResumesFromTheStore()
    {
        var info = NewRunInfo();
        var first = await OpenAsync();
        await first.OpenRunAsync(info);
        await first.AppendSamplesAsync(info.RunId, [.. Range("a", 1, 30), .. Range("b", 101, 120)]);
        await first.SaveSnapshotAsync(info.RunId, "twin-a", 20, """{"n":20}""");
        await first.SaveSnapshotAsync(info.RunId, "twin-a", 40, """{"n":40}""");
        await first.SaveSnapshotAsync(info.RunId, "twin-b", 45, """{"b":45}""");
        await first.DisposeAsync();

        var second = await OpenAsync();
        var resume = await second.OpenRunAsync(info with { StartedUtc = T0.AddDays(1), SourceDescription = "other" });
        var redelivered = await second.AppendSamplesAsync(info.RunId, Range("b", 118, 122));

        Assert.False(resume.IsNew);
        Assert.Equal(info, resume.Run);
        Assert.Equal(50, resume.AcceptedSamples);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 30, ["b"] = 120 }, resume.LastSequenceByChannel);
        Assert.Equal(["twin-a", "twin-b"], resume.LatestSnapshots.Select(s => s.TwinId));
        Assert.Equal(40, resume.LatestSnapshotOf("twin-a")!.Ordinal);
        Assert.Equal("""{"n":40}""", resume.LatestSnapshotOf("twin-a")!.StateJson);
        Assert.Equal(45, resume.LatestSnapshotOf("twin-b")!.Ordinal);
        Assert.Null(resume.LatestSnapshotOf("twin-c"));
        Assert.Equal(new SampleAppendResult(2, 3, 52), redelivered);
        Assert.Equal(Enumerable.Range(1, 52).Select(i => (long)i), (await ReadAllAsync(second, info.RunId)).Select(s => s.Ordinal));
    }

    [Fact]
    public async Task OpenRun_DifferentSceneHash_ThrowsNamingBothHashes()
    {
        var store = await OpenAsync();
        var info = NewRunInfo();
        await store.OpenRunAsync(info);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.OpenRunAsync(info with { SceneFileHash = "changed" }));

        Assert.Contains(info.SceneFileHash, ex.Message, StringComparison.Ordinal);
        Assert.Contains("changed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DatabaseWithOtherSchemaVersion_ThrowsInvalidData()
    {
        await (await OpenAsync()).DisposeAsync();
        await SetSchemaVersionAsync("999");
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidDataException>(OpenCoreAsync);

            Assert.Contains("999", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            // The PostgreSQL tests share one schema per class: put the version back for the next test.
            await SetSchemaVersionAsync(TwinStoreSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task SaveSnapshot_SameOrdinalAgain_ReplacesIt()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);

        await store.SaveSnapshotAsync(run, "twin-a", 5, "{\"v\":1}");
        await store.SaveSnapshotAsync(run, "twin-a", 5, "{\"v\":2}");
        await store.SaveSnapshotAsync(run, "twin-a", 3, "{\"v\":0}");
        var latest = await store.ReadLatestSnapshotAsync(run, "twin-a");

        Assert.NotNull(latest);
        Assert.Equal(5, latest.Ordinal);
        Assert.Equal("{\"v\":2}", latest.StateJson);
        Assert.Null(await store.ReadLatestSnapshotAsync(run, "twin-b"));
    }

    [Fact]
    public async Task SaveSnapshot_UnknownRun_Throws()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveSnapshotAsync("never-opened", "t", 1, "{}"));
    }

    [Fact]
    public async Task Calibration_Appended_ReadBackInOrderAndByTwin()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        CalibrationPoint[] points =
        [
            new("twin-a", "youngs_modulus", T0, 2.0e11, 5e9, 1.9e11, 2.1e11, 10),
            new("twin-b", "conductivity", T0.AddSeconds(1), 45.5, double.NaN, double.NaN, double.NaN, 1),
            new("twin-a", "youngs_modulus", T0.AddSeconds(2), 2.05e11, 2e9, 2.01e11, 2.09e11, 50),
        ];
        foreach (var p in points)
        {
            await store.AppendCalibrationAsync(run, p);
        }

        var all = await store.ReadCalibrationAsync(run);
        var a = await store.ReadCalibrationAsync(run, "twin-a");

        Assert.Equal(points, all);
        Assert.Equal([points[0], points[2]], a);
        Assert.True(double.IsNaN(all[1].StandardDeviation));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendCalibrationAsync("never-opened", points[0]));
    }

    [Fact]
    public async Task Events_Appended_ReadBackInOrder()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        var other = await NewRunAsync(store);
        TwinEvent[] events =
        [
            new("twin-a", TwinEventKinds.Gap, T0, TwinEventSeverity.Warning, "strain-1 silent for 5 s"),
            new("twin-a", TwinEventKinds.Drift, T0.AddMinutes(1), TwinEventSeverity.Alarm, "residual bias 3.2 sigma"),
            new("twin-b", TwinEventKinds.Rejected, T0.AddMinutes(2), TwinEventSeverity.Info, "unit 'psi' on a Pa channel"),
            new("twin-b", "custom-kind", T0.AddMinutes(3), TwinEventSeverity.Info, string.Empty),
        ];
        foreach (var e in events)
        {
            await store.AppendEventAsync(run, e);
        }

        await store.AppendEventAsync(other, events[0]);

        Assert.Equal(events, await store.ReadEventsAsync(run));
        Assert.Single(await store.ReadEventsAsync(other));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendEventAsync("never-opened", events[0]));
    }

    [Fact]
    public async Task History_EventsAndCalibrationInOneCall_ReadBackInOrderAfterSingleAppends()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        TwinEvent first = new("twin-a", TwinEventKinds.Gap, T0, TwinEventSeverity.Warning, "strain-1 silent for 5 s");
        TwinEvent[] events =
        [
            new("twin-a", TwinEventKinds.Drift, T0.AddMinutes(1), TwinEventSeverity.Alarm, "residual bias 3.2 sigma"),
            new("twin-b", TwinEventKinds.Rejected, T0.AddMinutes(2), TwinEventSeverity.Info, string.Empty),
        ];
        CalibrationPoint[] points =
        [
            new("twin-a", "youngs_modulus", T0, 2.0e11, double.NaN, 1.9e11, 2.1e11, 10),
            new("twin-b", "conductivity", T0.AddSeconds(1), 45.5, 0.5, 44.7, 46.3, 3),
        ];
        await store.AppendEventAsync(run, first);
        await store.AppendHistoryAsync(run, events, points);
        await store.AppendHistoryAsync(run, [], []);

        Assert.Equal([first, .. events], await store.ReadEventsAsync(run));
        Assert.Equal(points, await store.ReadCalibrationAsync(run));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendHistoryAsync("never-opened", events, points));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendHistoryAsync(run, [events[0] with { Kind = string.Empty }, events[1]], []));
        Assert.Equal(3, (await store.ReadEventsAsync(run)).Count);
    }

    [Fact]
    public async Task Lineage_MaterialComponentSystemChain_ReadByNodeInBothDirections()
    {
        var store = await OpenAsync();
        var id = Guid.NewGuid().ToString("N");
        string material = $"mat-{id}", component = $"cmp-{id}", system = $"sys-{id}", run = $"run-{id}";
        LineageEdge madeInto = new(material, component, "made-into", ProvenanceKind.Computation, "scenes/bracket/scene.yaml", T0);
        LineageEdge partOf = new(component, system, "part-of", ProvenanceKind.Computation, "scenes/bracket/scene.yaml", T0);
        LineageEdge evidence = new(run, material, "evidence-for", ProvenanceKind.InService, run, T0.AddHours(5));

        Assert.True(await store.AppendLineageAsync(madeInto));
        Assert.True(await store.AppendLineageAsync(partOf));
        Assert.True(await store.AppendLineageAsync(evidence));
        Assert.False(await store.AppendLineageAsync(madeInto with { DateUtc = T0.AddDays(1) }));
        Assert.True(await store.AppendLineageAsync(madeInto with { Kind = ProvenanceKind.Experiment }));

        Assert.Equal([madeInto, evidence, madeInto with { Kind = ProvenanceKind.Experiment }], await store.ReadLineageAsync(material));
        Assert.Equal([madeInto, partOf, madeInto with { Kind = ProvenanceKind.Experiment }], await store.ReadLineageAsync(component));
        Assert.Equal([partOf], await store.ReadLineageAsync(system));
        Assert.Empty(await store.ReadLineageAsync($"none-{id}"));
    }

    [Fact]
    public async Task AppendSamples_ConcurrentTasksOnOneAndTwoStores_AllStoredWithGaplessOrdinals()
    {
        var store = await OpenAsync();
        var second = await OpenAsync();
        var run = await NewRunAsync(store);
        const int Batches = 25, Size = 40;

        async Task Writer(ITwinStore s, string channel)
        {
            for (var b = 0; b < Batches; b++)
            {
                await s.AppendSamplesAsync(run, Range(channel, (b * Size) + 1, (b + 1) * Size));
            }
        }

        await Task.WhenAll(
            Task.Run(() => Writer(store, "a")),
            Task.Run(() => Writer(store, "b")),
            Task.Run(() => Writer(second, "c")));
        var back = await ReadAllAsync(store, run);
        var resume = await store.OpenRunAsync(NewRunInfo() with { RunId = run });

        Assert.Equal(3 * Batches * Size, back.Count);
        Assert.Equal(Enumerable.Range(1, back.Count).Select(i => (long)i), back.Select(s => s.Ordinal));
        foreach (var channel in new[] { "a", "b", "c" })
        {
            Assert.Equal(Enumerable.Range(1, Batches * Size).Select(i => (long)i), back.Where(s => s.Channel == channel).Select(s => s.Sequence));
            Assert.Equal(Batches * Size, resume.LastSequenceByChannel[channel]);
        }

        Assert.Equal(back.Count, resume.AcceptedSamples);
    }

    private protected static StoredSample Sample(string channel, long sequence, double value) =>
        new("twin-" + channel, channel, T0.UtcTicks + (sequence * TimeSpan.TicksPerMillisecond), value, "Pa", 0, sequence);

    private protected static StoredSample[] Range(string channel, long from, long to, double value = 1.5)
    {
        var result = new StoredSample[to - from + 1];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Sample(channel, from + i, value);
        }

        return result;
    }

    private protected static async Task<List<StoredSample>> ReadAllAsync(ITwinStore store, string runId, long afterOrdinal = 0)
    {
        var list = new List<StoredSample>();
        await foreach (var s in store.ReadSamplesAsync(runId, afterOrdinal))
        {
            list.Add(s);
        }

        return list;
    }

    private protected async Task<ITwinStore> OpenAsync()
    {
        var store = await OpenCoreAsync();
        _stores.Add(store);
        return store;
    }

    private static RunInfo NewRunInfo() =>
        new("run-" + Guid.NewGuid().ToString("N"), "bracket", "sha256:0f3c", "replay:feed.csv", T0);

    private static async Task<string> NewRunAsync(ITwinStore store)
    {
        var info = NewRunInfo();
        await store.OpenRunAsync(info);
        return info.RunId;
    }
}
