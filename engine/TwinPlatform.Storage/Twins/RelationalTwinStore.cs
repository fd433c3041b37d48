using System.Data;
using System.Data.Common;
using System.Globalization;

namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The twin store over ADO.NET: everything but the connection handling is shared by
/// <see cref="SqliteTwinStore"/> and <see cref="PostgresTwinStore"/>, so both run the same SQL against
/// the same schema (<see cref="TwinStoreSchema"/>).
/// </summary>
/// <remarks>
/// Writes run in one transaction each and return after the commit. The run's row in <c>twin_runs</c>
/// holds its sample count; a sample batch reads it under the write lock (SQLite <c>BEGIN IMMEDIATE</c>,
/// PostgreSQL <c>SELECT ... FOR UPDATE</c>), numbers its new samples after it and writes it back, so
/// ordinals have no gaps even with several writers.
/// </remarks>
public abstract partial class RelationalTwinStore : ITwinStore
{
    private int _disposed;

    private protected RelationalTwinStore(TwinStoreDialect dialect)
    {
        Dialect = dialect;
    }

    /// <summary>The SQL dialect of the database behind this store.</summary>
    public TwinStoreDialect Dialect { get; }

    /// <summary>Suffix that takes a write lock on the rows a <c>SELECT</c> reads, or empty where the transaction already holds one.</summary>
    private protected virtual string LockRowsSuffix => string.Empty;

    /// <summary>A statement run before the schema DDL to serialise schema creation between processes, or null.</summary>
    private protected virtual string? SchemaLockSql => null;

    /// <summary>Human-readable name of the database for error messages.</summary>
    private protected abstract string DisplayName { get; }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeCoreAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a connection for reading; the caller disposes it.</summary>
    private protected abstract Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs work in a write transaction and commits it; the transaction is rolled back when the work throws.</summary>
    private protected abstract Task<T> InWriteTransactionAsync<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken);

    /// <summary>Releases the connections.</summary>
    private protected abstract ValueTask DisposeCoreAsync();

    /// <summary>Creates the schema when missing and checks its version; called once by the concrete store's factory.</summary>
    private protected Task InitializeSchemaAsync(CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (c, tx, ct) =>
            {
                if (SchemaLockSql is { } lockSql)
                {
                    await ExecuteAsync(c, tx, lockSql, ct).ConfigureAwait(false);
                }

                foreach (var statement in TwinStoreSchema.Statements(Dialect))
                {
                    await ExecuteAsync(c, tx, statement, ct).ConfigureAwait(false);
                }

                var version = TwinStoreSchema.Version.ToString(CultureInfo.InvariantCulture);
                await using (var cmd = Command(c, tx, "SELECT value FROM twin_schema_info WHERE key = 'version'"))
                {
                    var stored = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
                    if (stored == "1")
                    {
                        await UpgradeFromVersion1Async(c, tx, ct).ConfigureAwait(false);
                    }
                    else if (stored is not null && stored != version)
                    {
                        throw new InvalidDataException(
                            $"{DisplayName} holds twin store schema version {stored}; this build reads version {version}");
                    }
                }

                await using (var cmd = Command(c, tx, "INSERT INTO twin_schema_info (key, value) VALUES ('version', @v) ON CONFLICT (key) DO NOTHING"))
                {
                    AddText(cmd, "@v", version);
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    /// <summary>Throws when the store has been disposed.</summary>
    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = transaction;
        return cmd;
    }

    private protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, transaction, sql);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private protected static DbParameter AddText(DbCommand cmd, string name, string value) => AddParameter(cmd, name, DbType.String, value);

    private protected static DbParameter AddInt64(DbCommand cmd, string name, long value) => AddParameter(cmd, name, DbType.Int64, value);

    private protected static DbParameter AddBytes(DbCommand cmd, string name, byte[] value) => AddParameter(cmd, name, DbType.Binary, value);

    /// <summary>Adds a double parameter; NaN is written as NULL (the schema's encoding of NaN).</summary>
    private protected static DbParameter AddDouble(DbCommand cmd, string name, double value) => AddParameter(cmd, name, DbType.Double, DoubleValue(value));

    private static DbParameter AddParameter(DbCommand cmd, string name, DbType type, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>A double as a parameter value: NaN is NULL (the schema's encoding of NaN).</summary>
    private protected static object DoubleValue(double value) => double.IsNaN(value) ? DBNull.Value : value;

    /// <summary>Reads a nullable double column; NULL is NaN.</summary>
    private protected static double GetDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    private protected static DateTimeOffset FromUtcTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{name} must be a non-empty string", name);
        }
    }
}
