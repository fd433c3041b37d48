using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>The contract where schema 2 stores samples differently: blocks, sequence sets, conversion of version 1.</summary>
public abstract partial class TwinStoreContractTests
{
    [Fact]
    public async Task AppendSamples_MoreThanABlock_ReadBackFromAnyOrdinal()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);

        // One batch of 10 000 is stored as three blocks (4096, 4096, 1808), then a batch of 7.
        var first = await store.AppendSamplesAsync(run, [.. Range("a", 1, 5000), .. Range("b", 1, 5000)]);
        var second = await store.AppendSamplesAsync(run, Range("a", 5001, 5007));

        Assert.Equal(new SampleAppendResult(10_000, 0, 10_000), first);
        Assert.Equal(new SampleAppendResult(7, 0, 10_007), second);
        foreach (var after in new long[] { 0, 1, 4095, 4096, 4097, 8191, 8192, 9999, 10_000, 10_006, 10_007, 20_000 })
        {
            var back = await ReadAllAsync(store, run, after);
            Assert.Equal(Enumerable.Range((int)after + 1, (int)Math.Max(0, 10_007 - after)).Select(i => (long)i), back.Select(s => s.Ordinal));
        }

        var all = await ReadAllAsync(store, run);
        Assert.Equal(Range("a", 1, 5000).Concat(Range("b", 1, 5000)).Concat(Range("a", 5001, 5007)).Select((s, i) => s with { Ordinal = i + 1 }), all);
    }

    [Fact]
    public async Task AppendSamples_OutOfOrderRepeatsAndGaps_EachStoredOnceAlsoAfterReopen()
    {
        var random = new Random(11);
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        var held = new HashSet<(string, long)>();
        var order = new List<(string, long)>();
        for (var batch = 0; batch < 30; batch++)
        {
            var samples = new List<StoredSample>();
            for (var i = 0; i < 40; i++)
            {
                samples.Add(Sample(random.Next(3) == 0 ? "b" : "a", random.Next(1, 400), batch));
            }

            var result = await store.AppendSamplesAsync(run, samples);

            var fresh = samples.Where(s => held.Add((s.Channel, s.Sequence))).ToList();
            order.AddRange(fresh.Select(s => (s.Channel, s.Sequence)));
            Assert.Equal((fresh.Count, samples.Count - fresh.Count, (long)order.Count), (result.Inserted, result.Duplicates, result.LastOrdinal));
        }

        // A store opened afresh knows the same numbers from the database alone.
        var again = await OpenAsync();
        var redelivered = order.Select(k => Sample(k.Item1, k.Item2, -1)).ToList();
        Assert.Equal(new SampleAppendResult(0, redelivered.Count, order.Count), await again.AppendSamplesAsync(run, redelivered));
        Assert.Equal(new SampleAppendResult(0, redelivered.Count, order.Count), await store.AppendSamplesAsync(run, redelivered));
        Assert.Equal(order, (await ReadAllAsync(again, run)).Select(s => (s.Channel, s.Sequence)));
        var resume = await again.OpenRunAsync(NewRunInfo() with { RunId = run });
        Assert.Equal(held.Where(k => k.Item1 == "a").Max(k => k.Item2), resume.LastSequenceByChannel["a"]);
    }

    [Fact]
    public async Task AppendSamples_ToManyRunsFromOneStore_EachRunStillKnowsItsSequenceNumbers()
    {
        var store = await OpenAsync();
        var runs = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var run = await NewRunAsync(store);
            runs.Add(run);
            await store.AppendSamplesAsync(run, Range("a", 1, 50 + i));
        }

        // The store keeps the numbers of a few runs in memory; the others are read again from their blocks.
        for (var i = 0; i < runs.Count; i++)
        {
            Assert.Equal(new SampleAppendResult(1, 50 + i, 51 + i), await store.AppendSamplesAsync(runs[i], Range("a", 1, 51 + i)));
        }
    }

    [Fact]
    public async Task AppendSamples_BatchFailsAfterItsCheck_ItsSamplesAreNotTakenAsStored()
    {
        var store = await OpenAsync();
        var run = await NewRunAsync(store);
        await store.AppendSamplesAsync(run, Range("a", 1, 10));

        // A block row in the way of the next ordinals makes the next batch fail at its insert, after the
        // store has checked its sequence numbers; the transaction rolls back.
        await ExecuteSqlAsync($"INSERT INTO twin_sample_blocks (run_id, first_ordinal, sample_count, data) SELECT run_id, 11, sample_count, data FROM twin_sample_blocks WHERE run_id = '{run}' AND first_ordinal = 1");
        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendSamplesAsync(run, Range("a", 11, 20)));
        await ExecuteSqlAsync($"DELETE FROM twin_sample_blocks WHERE run_id = '{run}' AND first_ordinal = 11");

        Assert.Equal(new SampleAppendResult(10, 0, 20), await store.AppendSamplesAsync(run, Range("a", 11, 20)));
        Assert.Equal(Range("a", 1, 20).Select((s, i) => s with { Ordinal = i + 1 }), await ReadAllAsync(store, run));
    }

    [Fact]
    public async Task Open_Version1Database_ConvertsItsSamplesAndKeepsDeduplicating()
    {
        // A database as version 1 left it: one row per sample in twin_samples.
        await (await OpenAsync()).DisposeAsync();
        foreach (var table in new[] { "twin_schema_info", "twin_runs", "twin_channels", "twin_sample_blocks", "twin_snapshots", "twin_calibration", "twin_events", "twin_lineage" })
        {
            await ExecuteSqlAsync($"DROP TABLE {table}");
        }

        await ExecuteSqlAsync("CREATE TABLE twin_schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        await ExecuteSqlAsync("INSERT INTO twin_schema_info (key, value) VALUES ('version', '1')");
        await ExecuteSqlAsync("CREATE TABLE twin_runs (run_id TEXT PRIMARY KEY, scene_name TEXT NOT NULL, scene_hash TEXT NOT NULL, source TEXT NOT NULL, started_utc_ticks BIGINT NOT NULL, sample_count BIGINT NOT NULL, opened_count BIGINT NOT NULL, last_opened_utc_ticks BIGINT NOT NULL)");
        await ExecuteSqlAsync("CREATE TABLE twin_channels (run_id TEXT NOT NULL, channel TEXT NOT NULL, twin_id TEXT NOT NULL, last_sequence BIGINT NOT NULL, sample_count BIGINT NOT NULL, PRIMARY KEY (run_id, channel))");
        await ExecuteSqlAsync("CREATE TABLE twin_samples (run_id TEXT NOT NULL, ordinal BIGINT NOT NULL, twin_id TEXT NOT NULL, channel TEXT NOT NULL, sequence BIGINT NOT NULL, timestamp_utc_ticks BIGINT NOT NULL, value_si DOUBLE PRECISION, unit TEXT NOT NULL, quality SMALLINT NOT NULL, PRIMARY KEY (run_id, ordinal), UNIQUE (run_id, channel, sequence))");
        var expected = new Dictionary<string, List<StoredSample>>();
        foreach (var (run, count) in new[] { ("old-1", 5000), ("old-2", 3) })
        {
            await ExecuteSqlAsync($"INSERT INTO twin_runs VALUES ('{run}', 'bracket', 'sha256:0f3c', 'replay', {T0.UtcTicks}, {count}, 1, {T0.UtcTicks})");
            var rows = new List<StoredSample>();
            for (var i = 1; i <= count; i++)
            {
                // Channel a in order, channel b with every third number missing; one NaN (stored as NULL).
                var s = i % 2 == 0 ? Sample("a", i / 2, i * 0.25) : Sample("b", (i / 2) + (i / 6), i == 7 ? double.NaN : -i);
                rows.Add(s with { Ordinal = i });
            }

            for (var k = 0; k < rows.Count; k += 500)
            {
                var values = rows.Skip(k).Take(500).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"('{run}', {s.Ordinal}, '{s.Twin}', '{s.Channel}', {s.Sequence}, {s.TimestampUtcTicks}, {(double.IsNaN(s.Value) ? "NULL" : s.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))}, '{s.Unit}', {s.Quality})"));
                await ExecuteSqlAsync("INSERT INTO twin_samples VALUES " + string.Join(", ", values));
            }

            foreach (var channel in rows.GroupBy(s => s.Channel))
            {
                await ExecuteSqlAsync($"INSERT INTO twin_channels VALUES ('{run}', '{channel.Key}', 'twin-{channel.Key}', {channel.Max(s => s.Sequence)}, {channel.Count()})");
            }

            expected[run] = rows;
        }

        var store = await OpenAsync();

        foreach (var (run, rows) in expected)
        {
            Assert.Equal(rows, await ReadAllAsync(store, run));
            Assert.Equal(rows.Skip(4100), await ReadAllAsync(store, run, 4100));
        }

        // The numbers stored before the conversion are still known: resent, they are duplicates; the gaps are not.
        var old = expected["old-1"];
        var resend = old.Where(s => s.Channel == "b").Take(100).Select(s => s with { Ordinal = 0 }).ToList();
        var gaps = Enumerable.Range(1, 60).Select(n => (long)n).Except(old.Where(s => s.Channel == "b").Select(s => s.Sequence)).Select(n => Sample("b", n, 9)).ToList();
        Assert.Equal(new SampleAppendResult(0, 100, 5000), await store.AppendSamplesAsync("old-1", resend));
        Assert.Equal(new SampleAppendResult(gaps.Count, 0, 5000 + gaps.Count), await store.AppendSamplesAsync("old-1", gaps));
        Assert.NotEmpty(gaps);
        var resume = await store.OpenRunAsync(NewRunInfo() with { RunId = "old-1" });
        Assert.Equal(5000 + gaps.Count, resume.AcceptedSamples);
        Assert.Equal(2500, resume.LastSequenceByChannel["a"]);
    }
}
