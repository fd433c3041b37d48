using System.Data.Common;
using Npgsql;

namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The twin store in PostgreSQL (Npgsql), with the same schema as <see cref="SqliteTwinStore"/>.
/// A call returns after PostgreSQL has committed its transaction (durable with the server's default
/// <c>synchronous_commit = on</c>).
/// </summary>
/// <remarks>
/// <para>Every call takes a connection from the store's pool, so calls run in parallel; sample batches
/// of one run are serialised by a row lock on the run. The tables live in the first schema of the
/// connection's search path (<c>Search Path=...</c> in the connection string picks another).</para>
/// <para>A batch of samples is sent as arrays (<c>unnest</c>) in one pipelined round trip, then committed.</para>
/// </remarks>
public sealed class PostgresTwinStore : RelationalTwinStore
{
    // Arbitrary constant key for pg_advisory_xact_lock: serialises schema creation between processes.
    private const long SchemaLockKey = 0x7477696E_73746F72;

    // Sample batch, statement 1: lock the run's row; a concurrent batch of the same run waits here.
    private const string LockRunSql = "SELECT sample_count FROM twin_runs WHERE run_id = $1 FOR UPDATE";

    // Statement 2, pipelined after the first in the same round trip. Under READ COMMITTED it takes its
    // snapshot after the lock, so it sees every sample committed before. New samples are those not
    // stored and not repeated earlier in the batch; they get the ordinals after the run's count, in
    // batch order. An unknown run has no row in "run", so nothing is inserted.
    // $1 run, $2 twin[], $3 channel[], $4 ts[], $5 value[], $6 unit[], $7 quality[], $8 sequence[].
    private const string InsertSamplesSql = """
        WITH run AS (
          SELECT sample_count FROM twin_runs WHERE run_id = $1),
        input AS (
          SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::float8[], $6::text[], $7::smallint[], $8::bigint[]) WITH ORDINALITY
            AS t(twin_id, channel, ts, value_si, unit, quality, sequence, idx)),
        fresh AS (
          SELECT DISTINCT ON (i.channel, i.sequence) i.* FROM input i
          WHERE NOT EXISTS (SELECT 1 FROM twin_samples s WHERE s.run_id = $1 AND s.channel = i.channel AND s.sequence = i.sequence)
          ORDER BY i.channel, i.sequence, i.idx),
        ins AS (
          INSERT INTO twin_samples (run_id, ordinal, twin_id, channel, sequence, timestamp_utc_ticks, value_si, unit, quality)
          SELECT $1, run.sample_count + row_number() OVER (ORDER BY f.idx), f.twin_id, f.channel, f.sequence, f.ts,
                 NULLIF(f.value_si, 'NaN'::float8), f.unit, f.quality
          FROM fresh f CROSS JOIN run
          RETURNING twin_id, channel, sequence),
        channels AS (
          INSERT INTO twin_channels (run_id, channel, twin_id, last_sequence, sample_count)
          SELECT $1, channel, min(twin_id), max(sequence), count(*) FROM ins GROUP BY channel
          ON CONFLICT (run_id, channel) DO UPDATE SET
            last_sequence = CASE WHEN excluded.last_sequence > twin_channels.last_sequence THEN excluded.last_sequence ELSE twin_channels.last_sequence END,
            sample_count = twin_channels.sample_count + excluded.sample_count),
        counted AS (
          UPDATE twin_runs SET sample_count = sample_count + (SELECT count(*) FROM ins) WHERE run_id = $1
          RETURNING sample_count)
        SELECT (SELECT count(*) FROM ins), (SELECT sample_count FROM counted)
        """;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresTwinStore(NpgsqlDataSource dataSource, string displayName)
        : base(TwinStoreDialect.PostgreSql)
    {
        _dataSource = dataSource;
        DisplayName = displayName;
    }

    private protected override string DisplayName { get; }

    private protected override string LockRowsSuffix => " FOR UPDATE";

    private protected override string SchemaLockSql => $"SELECT pg_advisory_xact_lock({SchemaLockKey})";

    /// <summary>Connects to a database and creates the schema when missing.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Username=...;Password=...;Database=...</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidDataException">The database holds another version of the twin store schema.</exception>
    public static async Task<PostgresTwinStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var display = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}"
            + (string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : $" (schema {builder.SearchPath})");
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            var store = new PostgresTwinStore(dataSource, display);
            await store.InitializeSchemaAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override async Task<T> InWriteTransactionAsync<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await using var c = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(c, tx, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private protected override async Task<SampleAppendResult> AppendBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        string runId,
        IReadOnlyList<StoredSample> samples,
        CancellationToken cancellationToken)
    {
        var n = samples.Count;
        var twin = new string[n];
        var channel = new string[n];
        var ts = new long[n];
        var value = new double[n];
        var unit = new string[n];
        var quality = new short[n];
        var sequence = new long[n];
        for (var i = 0; i < n; i++)
        {
            var s = samples[i];
            twin[i] = s.Twin;
            channel[i] = s.Channel;
            ts[i] = s.TimestampUtcTicks;
            value[i] = s.Value;
            unit[i] = s.Unit;
            quality[i] = s.Quality;
            sequence[i] = s.Sequence;
        }

        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var lockRun = new NpgsqlBatchCommand(LockRunSql);
        lockRun.Parameters.Add(new NpgsqlParameter<string> { TypedValue = runId });
        var insert = new NpgsqlBatchCommand(InsertSamplesSql);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = runId });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = twin });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = channel });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ts });
        insert.Parameters.Add(new NpgsqlParameter<double[]> { TypedValue = value });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = unit });
        insert.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = quality });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequence });
        batch.BatchCommands.Add(lockRun);
        batch.BatchCommands.Add(insert);

        await using var r = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw UnknownRun(runId);
        }

        var previous = r.GetInt64(0);
        if (!await r.NextResultAsync(cancellationToken).ConfigureAwait(false) || !await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidDataException($"{DisplayName}: the sample insert returned no counts");
        }

        var inserted = checked((int)r.GetInt64(0));
        var last = r.GetInt64(1);
        if (last != previous + inserted)
        {
            throw new InvalidDataException($"{DisplayName}: run {runId} had {previous} samples, {inserted} were inserted, but its count is now {last}");
        }

        return new SampleAppendResult(inserted, n - inserted, last);
    }

    private protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();
}
