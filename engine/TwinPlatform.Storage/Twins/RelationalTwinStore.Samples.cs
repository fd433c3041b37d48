using System.Runtime.CompilerServices;

namespace TwinPlatform.Storage.Twins;

public abstract partial class RelationalTwinStore
{
    /// <inheritdoc/>
    public Task<SampleAppendResult> AppendSamplesAsync(string runId, IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
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

        return InWriteTransactionAsync((c, tx, ct) => AppendBatchAsync(c, tx, runId, samples, ct), cancellationToken);
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
        await using var cmd = Command(c, null, """
            SELECT twin_id, channel, timestamp_utc_ticks, value_si, unit, quality, sequence, ordinal
            FROM twin_samples WHERE run_id = @run AND ordinal > @after ORDER BY ordinal
            """);
        AddText(cmd, "@run", runId);
        AddInt64(cmd, "@after", afterOrdinal);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredSample(
                r.GetString(0),
                r.GetString(1),
                r.GetInt64(2),
                GetDouble(r, 3),
                r.GetString(4),
                checked((byte)r.GetInt16(5)),
                r.GetInt64(6),
                r.GetInt64(7));
        }
    }
}
