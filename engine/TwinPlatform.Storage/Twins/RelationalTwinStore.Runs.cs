using System.Data.Common;

namespace TwinPlatform.Storage.Twins;

public abstract partial class RelationalTwinStore
{
    /// <inheritdoc/>
    public Task<ResumePoint> OpenRunAsync(RunInfo run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        RequireText(run.RunId, nameof(run.RunId));
        ThrowIfDisposed();
        return InWriteTransactionAsync((c, tx, ct) => OpenRunAsync(c, tx, run, ct), cancellationToken);
    }

    private async Task<ResumePoint> OpenRunAsync(DbConnection c, DbTransaction tx, RunInfo run, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        bool isNew;
        await using (var insert = Command(c, tx, """
            INSERT INTO twin_runs (run_id, scene_name, scene_hash, source, started_utc_ticks, sample_count, opened_count, last_opened_utc_ticks)
            VALUES (@run, @scene, @hash, @source, @started, 0, 1, @now)
            ON CONFLICT (run_id) DO NOTHING
            """))
        {
            AddText(insert, "@run", run.RunId);
            AddText(insert, "@scene", run.SceneName ?? string.Empty);
            AddText(insert, "@hash", run.SceneFileHash ?? string.Empty);
            AddText(insert, "@source", run.SourceDescription ?? string.Empty);
            AddInt64(insert, "@started", run.StartedUtc.UtcTicks);
            AddInt64(insert, "@now", now);
            isNew = await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }

        RunInfo stored;
        long accepted;
        await using (var select = Command(c, tx, "SELECT scene_name, scene_hash, source, started_utc_ticks, sample_count FROM twin_runs WHERE run_id = @run" + LockRowsSuffix))
        {
            AddText(select, "@run", run.RunId);
            await using var r = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await r.ReadAsync(ct).ConfigureAwait(false))
            {
                throw new InvalidDataException($"run {run.RunId} vanished from {DisplayName} while being opened");
            }

            stored = new RunInfo(run.RunId, r.GetString(0), r.GetString(1), r.GetString(2), FromUtcTicks(r.GetInt64(3)));
            accepted = r.GetInt64(4);
        }

        if (!isNew)
        {
            if (!string.Equals(stored.SceneFileHash, run.SceneFileHash ?? string.Empty, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"run {run.RunId} in {DisplayName} was started with scene file hash {stored.SceneFileHash}, not {run.SceneFileHash}; use a new run id for a changed scene");
            }

            await using var touch = Command(c, tx, "UPDATE twin_runs SET opened_count = opened_count + 1, last_opened_utc_ticks = @now WHERE run_id = @run");
            AddInt64(touch, "@now", now);
            AddText(touch, "@run", run.RunId);
            await touch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var channels = Command(c, tx, "SELECT channel, last_sequence FROM twin_channels WHERE run_id = @run"))
        {
            AddText(channels, "@run", run.RunId);
            await using var r = await channels.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                sequences[r.GetString(0)] = r.GetInt64(1);
            }
        }

        var snapshots = await ReadLatestSnapshotsAsync(c, tx, run.RunId, null, ct).ConfigureAwait(false);
        return new ResumePoint(stored, isNew, accepted, sequences, snapshots);
    }

    /// <summary>Reads the run's sample count, taking the run's write lock; throws when the run was never opened.</summary>
    private protected async Task<long> LockRunAsync(DbConnection c, DbTransaction tx, string runId, CancellationToken ct)
    {
        await using var cmd = Command(c, tx, "SELECT sample_count FROM twin_runs WHERE run_id = @run" + LockRowsSuffix);
        AddText(cmd, "@run", runId);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) switch
        {
            long count => count,
            null or DBNull => throw UnknownRun(runId),
            var other => Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private protected InvalidOperationException UnknownRun(string runId) =>
        new($"run {runId} is not in {DisplayName}; open it with {nameof(OpenRunAsync)} first");
}
