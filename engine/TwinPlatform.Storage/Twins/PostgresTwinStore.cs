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
/// </remarks>
public sealed class PostgresTwinStore : RelationalTwinStore
{
    // Arbitrary constant key for pg_advisory_xact_lock: serialises schema creation between processes.
    private const long SchemaLockKey = 0x7477696E_73746F72;

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

    private protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();
}
