using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The embedded twin store: one SQLite file in write-ahead-log mode with <c>synchronous=FULL</c>,
/// so a committed transaction is fsync'd before the call that wrote it returns.
/// </summary>
/// <remarks>
/// <para>Writes share one connection and are serialised by the store; each read opens its own
/// connection, so a long <see cref="RelationalTwinStore.ReadSamplesAsync"/> does not hold up writers
/// (WAL readers see the data committed when they start). Several processes may open the same file;
/// SQLite serialises their writes (a writer waits up to 30 s for the lock).</para>
/// <para>A batch of samples is inserted with one prepared statement in one transaction.</para>
/// </remarks>
public sealed class SqliteTwinStore : RelationalTwinStore
{
    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private SqliteTwinStore(string path, SqliteConnection writer, string readConnectionString)
        : base(TwinStoreDialect.Sqlite)
    {
        FilePath = path;
        _writer = writer;
        _readConnectionString = readConnectionString;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    private protected override string DisplayName => FilePath;

    /// <summary>Opens a store in a file, creating the file, its folder and the schema when missing.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidDataException">The file holds another version of the twin store schema.</exception>
    public static async Task<SqliteTwinStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        // No pooling: a disposed store closes its file, so another process (or a reopen) starts clean.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var writer = new SqliteConnection(builder.ToString());
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var cmd = writer.CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode=WAL";
                var mode = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"{full}: SQLite refused write-ahead-log mode (journal_mode is {mode})");
                }

                // FULL: the WAL is fsync'd at every commit, so a commit survives power loss, not only a killed process.
                cmd.CommandText = "PRAGMA synchronous=FULL";
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            builder.Mode = SqliteOpenMode.ReadWrite;
            var store = new SqliteTwinStore(full, writer, builder.ToString());
            await store.InitializeSchemaAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_readConnectionString);
        try
        {
            await c.OpenAsync(cancellationToken).ConfigureAwait(false);
            return c;
        }
        catch
        {
            await c.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override async Task<T> InWriteTransactionAsync<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();

            // BEGIN IMMEDIATE: take the file's write lock up front, so reading the run's sample count
            // and writing after it cannot interleave with another process's batch.
            await using var tx = _writer.BeginTransaction(deferred: false);
            var result = await work(_writer, tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private protected override async Task<SampleAppendResult> AppendBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        string runId,
        IReadOnlyList<StoredSample> samples,
        CancellationToken cancellationToken)
    {
        var last = await LockRunAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
        if (samples.Count == 0)
        {
            return new SampleAppendResult(0, 0, last);
        }

        var inserted = await InsertNewSamplesAsync(connection, transaction, runId, samples, last, cancellationToken).ConfigureAwait(false);
        if (inserted > 0)
        {
            await using var update = Command(connection, transaction, "UPDATE twin_runs SET sample_count = @count WHERE run_id = @run");
            AddInt64(update, "@count", last + inserted);
            AddText(update, "@run", runId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new SampleAppendResult(inserted, samples.Count - inserted, last + inserted);
    }

    private static async Task<int> InsertNewSamplesAsync(
        DbConnection connection,
        DbTransaction transaction,
        string runId,
        IReadOnlyList<StoredSample> samples,
        long lastOrdinal,
        CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, """
            INSERT INTO twin_samples (run_id, ordinal, twin_id, channel, sequence, timestamp_utc_ticks, value_si, unit, quality)
            VALUES (@run, @ordinal, @twin, @channel, @sequence, @ts, @value, @unit, @quality)
            ON CONFLICT (run_id, channel, sequence) DO NOTHING
            """);
        AddText(insert, "@run", runId);
        var ordinal = AddInt64(insert, "@ordinal", 0);
        var twin = AddText(insert, "@twin", string.Empty);
        var channel = AddText(insert, "@channel", string.Empty);
        var sequence = AddInt64(insert, "@sequence", 0);
        var ts = AddInt64(insert, "@ts", 0);
        var value = AddDouble(insert, "@value", 0);
        var unit = AddText(insert, "@unit", string.Empty);
        var quality = AddInt64(insert, "@quality", 0);
        insert.Prepare();

        var tally = new Dictionary<string, ChannelTally>(StringComparer.Ordinal);
        var next = lastOrdinal;
        for (var i = 0; i < samples.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var s = samples[i];
            ordinal.Value = next + 1;
            twin.Value = s.Twin;
            channel.Value = s.Channel;
            sequence.Value = s.Sequence;
            ts.Value = s.TimestampUtcTicks;
            value.Value = DoubleValue(s.Value);
            unit.Value = s.Unit;
            quality.Value = (long)s.Quality;

            // Microsoft.Data.Sqlite runs synchronously; the async overload would only add a Task per row.
            if (insert.ExecuteNonQuery() == 1)
            {
                next++;
                tally[s.Channel] = tally.TryGetValue(s.Channel, out var t)
                    ? new ChannelTally(t.Twin, Math.Max(t.LastSequence, s.Sequence), t.Count + 1)
                    : new ChannelTally(s.Twin, s.Sequence, 1);
            }
        }

        if (tally.Count > 0)
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
                upsert.ExecuteNonQuery();
            }
        }

        return checked((int)(next - lastOrdinal));
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            // The gate stays usable: a call waiting on it wakes up and reports the store disposed.
            _writeGate.Release();
        }
    }

    private readonly record struct ChannelTally(string Twin, long LastSequence, long Count);
}
