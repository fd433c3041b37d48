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
}
