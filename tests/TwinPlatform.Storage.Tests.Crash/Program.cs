using System.Diagnostics;
using System.Globalization;
using TwinPlatform.Storage.Tests.Crash;
using TwinPlatform.Storage.Twins;

// Child process for TwinStoreCrashTests, and the insert-rate benchmark.
//   append SPEC RUN_ID BATCH REDELIVER MAX_BATCHES
//     opens the run, resumes each channel REDELIVER sequence numbers before its last stored one (a
//     broker redelivering unacknowledged messages), then appends batches and prints
//     "ack FIRST LAST" after each commit, until killed or MAX_BATCHES are written.
//   bench SPEC COUNT BATCH
//     appends COUNT samples in batches of BATCH to a fresh run and prints the rates.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: append SPEC RUN_ID BATCH REDELIVER MAX_BATCHES | bench SPEC COUNT BATCH");
    return 2;
}

switch (args[0])
{
    case "append" when args.Length == 6:
        await AppendAsync(args[1], args[2], Int(args[3]), Int(args[4]), Int(args[5]));
        return 0;
    case "bench" when args.Length == 4:
        await BenchAsync(args[1], Int(args[2]), Int(args[3]));
        return 0;
    default:
        Console.Error.WriteLine($"bad arguments: {string.Join(' ', args)}");
        return 2;
}

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static async Task AppendAsync(string spec, string runId, int batchSize, int redeliver, int maxBatches)
{
    await using var store = await TwinStores.OpenAsync(spec);
    var resume = await store.OpenRunAsync(CrashFeed.Run(runId));
    var next = new long[CrashFeed.Channels.Length];
    for (var c = 0; c < next.Length; c++)
    {
        var last = resume.LastSequenceByChannel.TryGetValue(CrashFeed.Channels[c], out var s) ? s : 0;
        next[c] = Math.Max(1, last + 1 - redeliver);
    }

    Console.WriteLine($"resumed {resume.AcceptedSamples}");
    var batch = new StoredSample[batchSize];
    for (var b = 0; b < maxBatches; b++)
    {
        for (var i = 0; i < batchSize; i++)
        {
            var c = i % next.Length;
            batch[i] = CrashFeed.Sample(c, next[c]++);
        }

        var result = await store.AppendSamplesAsync(runId, batch);

        // Printed only after the commit returned: every ordinal printed here is acknowledged.
        if (result.Inserted > 0)
        {
            Console.WriteLine($"ack {result.FirstInsertedOrdinal} {result.LastOrdinal}");
        }
    }
}

static async Task BenchAsync(string spec, int count, int batchSize)
{
    await using var store = await TwinStores.OpenAsync(spec);
    var runId = "bench-" + Guid.NewGuid().ToString("N");
    await store.OpenRunAsync(CrashFeed.Run(runId));
    var batch = new StoredSample[batchSize];
    var seq = 0L;
    var clock = Stopwatch.StartNew();
    for (var written = 0; written < count; written += batchSize)
    {
        for (var i = 0; i < batchSize; i++)
        {
            seq++;
            batch[i] = CrashFeed.Sample((int)(seq % CrashFeed.Channels.Length), seq);
        }

        await store.AppendSamplesAsync(runId, batch);
    }

    var writeSeconds = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var read = 0L;
    await foreach (var _ in store.ReadSamplesAsync(runId))
    {
        read++;
    }

    var readSeconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant(
        $"{TwinStores.Parse(spec).Dialect}: appended {seq} samples in batches of {batchSize} in {writeSeconds:F2} s = {seq / writeSeconds:F0} samples/s ({seq / batchSize / writeSeconds:F1} commits/s); read {read} in {readSeconds:F2} s = {read / readSeconds:F0} samples/s"));
}
