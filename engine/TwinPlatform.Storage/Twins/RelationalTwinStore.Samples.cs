using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace TwinPlatform.Storage.Twins;

public abstract partial class RelationalTwinStore
{
    // Per run, the channels' stored sequence numbers as of a sample count of the run. A batch finding a
    // higher count under the run's lock (another writer appended meanwhile) first adds the sequence numbers
    // of the blocks since; a store appending to a run for the first time reads them all.
    private const int CachedRuns = 16;
    private readonly ConcurrentDictionary<string, RunChannels> _channels = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<SampleAppendResult> AppendSamplesAsync(string runId, IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        ArgumentNullException.ThrowIfNull(samples);
        ThrowIfDisposed();
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            if (string.IsNullOrEmpty(s.Twin) || string.IsNullOrEmpty(s.Channel) || s.Unit is null)
            {
                throw new ArgumentException($"sample {i} of the batch has no twin, channel or unit", nameof(samples));
            }
        }

        var (result, channels) = await InWriteTransactionAsync((c, tx, ct) => AppendBatchAsync(c, tx, runId, samples, ct), cancellationToken).ConfigureAwait(false);

        // Committed: the channels now stand as of the run's new count. (Had the batch or its commit failed,
        // they would still be marked stale, and the next batch would read them again from the blocks.)
        if (channels is not null)
        {
            channels.AsOfCount = result.LastOrdinal;
        }

        return result;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredSample> ReadSamplesAsync(
        string runId,
        long afterOrdinal = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        ThrowIfDisposed();
        await using var c = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);

        await foreach (var block in ReadBlocksAsync(c, null, runId, afterOrdinal, cancellationToken).ConfigureAwait(false))
        {
            foreach (var s in block)
            {
                yield return s;
            }
        }
    }

    /// <summary>
    /// Decodes the run's blocks that hold samples after <paramref name="afterOrdinal"/>, one at a time: each
    /// yielded list holds a block's samples after that ordinal and is reused for the next block.
    /// </summary>
    private async IAsyncEnumerable<List<StoredSample>> ReadBlocksAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string runId,
        long afterOrdinal,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var samples = new List<StoredSample>(SampleBlock.MaxSamples);

        // A block holds at most MaxSamples, so one that holds an ordinal after afterOrdinal starts after afterOrdinal - MaxSamples.
        await using var cmd = Command(connection, transaction, """
            SELECT first_ordinal, sample_count, data FROM twin_sample_blocks
            WHERE run_id = @run AND first_ordinal > @from ORDER BY first_ordinal
            """);
        AddText(cmd, "@run", runId);
        AddInt64(cmd, "@from", Math.Max(0, afterOrdinal) - SampleBlock.MaxSamples);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var first = r.GetInt64(0);
            samples.Clear();
            try
            {
                SampleBlock.Decode(r.GetFieldValue<byte[]>(2), first, r.GetInt32(1), afterOrdinal, samples);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{DisplayName}: run {runId}, sample block at ordinal {first}: {e.Message}", e);
            }

            yield return samples;
        }
    }

    /// <summary>
    /// Inside a write transaction: locks the run, stores the samples whose (channel, sequence) the run does
    /// not hold yet as blocks with the next ordinals, and updates <c>twin_channels</c> and the run's sample count.
    /// Throws <see cref="InvalidOperationException"/> for a run that was never opened.
    /// </summary>
    private async Task<(SampleAppendResult Result, RunChannels? Channels)> AppendBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        string runId,
        IReadOnlyList<StoredSample> samples,
        CancellationToken cancellationToken)
    {
        var last = await LockRunAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
        if (samples.Count == 0)
        {
            return (new SampleAppendResult(0, 0, last), null);
        }

        var channels = await ChannelsAsOfAsync(connection, transaction, runId, last, cancellationToken).ConfigureAwait(false);

        // From here the channels change ahead of the commit: stale until it succeeds.
        channels.AsOfCount = -1;
        var fresh = new List<StoredSample>(samples.Count);
        var tally = new Dictionary<string, ChannelTally>(StringComparer.Ordinal);
        foreach (var s in samples)
        {
            if (channels.Sequences(s.Channel).Add(s.Sequence))
            {
                tally[s.Channel] = tally.TryGetValue(s.Channel, out var t)
                    ? new ChannelTally(t.Twin, Math.Max(t.LastSequence, s.Sequence), t.Count + 1)
                    : new ChannelTally(s.Twin, s.Sequence, 1);
                fresh.Add(s);
            }
        }

        if (fresh.Count == 0)
        {
            channels.AsOfCount = last;
            return (new SampleAppendResult(0, samples.Count, last), channels);
        }

        await WriteBlocksAsync(connection, transaction, runId, last, fresh, cancellationToken).ConfigureAwait(false);
        await WriteChannelsAsync(connection, transaction, runId, tally, cancellationToken).ConfigureAwait(false);
        await using (var update = Command(connection, transaction, "UPDATE twin_runs SET sample_count = @count WHERE run_id = @run"))
        {
            AddInt64(update, "@count", last + fresh.Count);
            AddText(update, "@run", runId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (new SampleAppendResult(fresh.Count, samples.Count - fresh.Count, last + fresh.Count), channels);
    }

    /// <summary>Writes samples as blocks of at most <see cref="SampleBlock.MaxSamples"/>, numbered after <paramref name="lastOrdinal"/>.</summary>
    private static async Task WriteBlocksAsync(DbConnection connection, DbTransaction transaction, string runId, long lastOrdinal, List<StoredSample> samples, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, "INSERT INTO twin_sample_blocks (run_id, first_ordinal, sample_count, data) VALUES (@run, @first, @count, @data)");
        AddText(insert, "@run", runId);
        var first = AddInt64(insert, "@first", 0);
        var count = AddInt64(insert, "@count", 0);
        var data = AddBytes(insert, "@data", []);
        for (var start = 0; start < samples.Count; start += SampleBlock.MaxSamples)
        {
            var n = Math.Min(SampleBlock.MaxSamples, samples.Count - start);
            first.Value = lastOrdinal + start + 1;
            count.Value = (long)n;
            data.Value = SampleBlock.Encode(samples, start, n);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteChannelsAsync(DbConnection connection, DbTransaction transaction, string runId, Dictionary<string, ChannelTally> tally, CancellationToken cancellationToken)
    {
        await using var upsert = Command(connection, transaction, """
            INSERT INTO twin_channels (run_id, channel, twin_id, last_sequence, sample_count)
            VALUES (@run, @channel, @twin, @sequence, @count)
            ON CONFLICT (run_id, channel) DO UPDATE SET
              last_sequence = CASE WHEN excluded.last_sequence > twin_channels.last_sequence THEN excluded.last_sequence ELSE twin_channels.last_sequence END,
              sample_count = twin_channels.sample_count + excluded.sample_count
            """);
        AddText(upsert, "@run", runId);
        var ch = AddText(upsert, "@channel", string.Empty);
        var tw = AddText(upsert, "@twin", string.Empty);
        var seq = AddInt64(upsert, "@sequence", 0);
        var count = AddInt64(upsert, "@count", 0);
        foreach (var (name, t) in tally)
        {
            ch.Value = name;
            tw.Value = t.Twin;
            seq.Value = t.LastSequence;
            count.Value = t.Count;
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The run's channels as of its sample count <paramref name="count"/> (read under the run's lock): the
    /// cached ones, brought up to date from the blocks another writer added since, or all read from the blocks.
    /// </summary>
    private async Task<RunChannels> ChannelsAsOfAsync(DbConnection connection, DbTransaction transaction, string runId, long count, CancellationToken cancellationToken)
    {
        if (_channels.TryGetValue(runId, out var cached) && cached.AsOfCount == count)
        {
            return cached;
        }

        var channels = cached is not null && cached.AsOfCount is >= 0 and var asOf && asOf < count ? cached : new RunChannels(0);
        await foreach (var block in ReadBlocksAsync(connection, transaction, runId, channels.AsOfCount, cancellationToken).ConfigureAwait(false))
        {
            foreach (var s in block)
            {
                _ = channels.Sequences(s.Channel).Add(s.Sequence);
            }
        }

        channels.AsOfCount = count;
        if (!_channels.ContainsKey(runId) && _channels.Count >= CachedRuns)
        {
            // A long-lived store appending to many runs keeps the bitmaps of a few: the others are read
            // again from their blocks should they be appended to again.
            foreach (var other in _channels.Keys.Take(_channels.Count - CachedRuns + 1).ToList())
            {
                _ = _channels.TryRemove(other, out _);
            }
        }

        _channels[runId] = channels;
        return channels;
    }

    /// <summary>A run's channels' sequence numbers as of the run's sample count <see cref="AsOfCount"/> (-1: being changed, not to be trusted).</summary>
    private sealed class RunChannels(long asOfCount)
    {
        private readonly Dictionary<string, SequenceSet> _byName = new(StringComparer.Ordinal);
        private long _asOfCount = asOfCount;

        public long AsOfCount
        {
            get => Volatile.Read(ref _asOfCount);
            set => Volatile.Write(ref _asOfCount, value);
        }

        public SequenceSet Sequences(string channel)
        {
            if (!_byName.TryGetValue(channel, out var set))
            {
                set = _byName[channel] = new SequenceSet();
            }

            return set;
        }
    }

    private readonly record struct ChannelTally(string Twin, long LastSequence, long Count);
}
