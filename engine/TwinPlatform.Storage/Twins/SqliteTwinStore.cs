using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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
        // The rows go through SQLite's own statement API: one prepared statement with positional
        // parameters, a value rebound only when it changes (the run always, a channel's twin and unit
        // mostly), and no data reader per row as the ADO.NET command would create.
        var db = ((SqliteConnection)connection).Handle!;
        var rc = raw.sqlite3_prepare_v2(db, """
            INSERT INTO twin_samples (run_id, ordinal, twin_id, channel, sequence, timestamp_utc_ticks, value_si, unit, quality)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (run_id, channel, sequence) DO NOTHING
            """, out var insert);
        Check(db, rc);
        var tally = new Dictionary<string, ChannelTally>(StringComparer.Ordinal);
        var next = lastOrdinal;
        using (insert)
        {
            Check(db, raw.sqlite3_bind_text(insert, 1, runId));
            string? twin = null, channel = null, unit = null;
            for (var i = 0; i < samples.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var s = samples[i];
                Check(db, raw.sqlite3_bind_int64(insert, 2, next + 1));
                BindText(db, insert, 3, ref twin, s.Twin);
                BindText(db, insert, 4, ref channel, s.Channel);
                Check(db, raw.sqlite3_bind_int64(insert, 5, s.Sequence));
                Check(db, raw.sqlite3_bind_int64(insert, 6, s.TimestampUtcTicks));
                Check(db, double.IsNaN(s.Value) ? raw.sqlite3_bind_null(insert, 7) : raw.sqlite3_bind_double(insert, 7, s.Value));
                BindText(db, insert, 8, ref unit, s.Unit);
                Check(db, raw.sqlite3_bind_int64(insert, 9, s.Quality));
                rc = raw.sqlite3_step(insert);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(db, rc);
                }

                var inserted = raw.sqlite3_changes(db) == 1;
                Check(db, raw.sqlite3_reset(insert));
                if (inserted)
                {
                    next++;
                    tally[s.Channel] = tally.TryGetValue(s.Channel, out var t)
                        ? new ChannelTally(t.Twin, Math.Max(t.LastSequence, s.Sequence), t.Count + 1)
                        : new ChannelTally(s.Twin, s.Sequence, 1);
                }
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

    /// <summary>Throws the connection's error for a failed SQLite call.</summary>
    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private readonly record struct ChannelTally(string Twin, long LastSequence, long Count);

    /// <summary>Binds a text parameter unless <paramref name="bound"/>, the text bound to it last, is equal already.</summary>
    private static void BindText(sqlite3 db, sqlite3_stmt statement, int index, ref string? bound, string value)
    {
        if (!string.Equals(bound, value, StringComparison.Ordinal))
        {
            Check(db, raw.sqlite3_bind_text(statement, index, value));
            bound = value;
        }
    }
}
