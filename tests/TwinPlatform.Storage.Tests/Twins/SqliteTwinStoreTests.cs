using Microsoft.Data.Sqlite;
using TwinPlatform.Storage.Twins;
using TwinPlatform.Testing;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>The twin store contract against a SQLite file (a fresh one per test).</summary>
public sealed class SqliteTwinStoreTests : TwinStoreContractTests
{
    private readonly string _folder = RepoPaths.NewTempFolder("twin-store");

    private string DatabasePath => Path.Combine(_folder, "twins.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Open_NewFile_UsesWriteAheadLogAndCreatesEveryTable()
    {
        await using var store = await SqliteTwinStore.OpenAsync(DatabasePath);

        await using var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'twin_%'";
        Assert.Equal(8L, await cmd.ExecuteScalarAsync());
        Assert.Equal(TwinStoreDialect.Sqlite, store.Dialect);
        Assert.Equal(Path.GetFullPath(DatabasePath), store.FilePath);
    }

    [Fact]
    public async Task Open_ThroughTwinStoresWithSqlitePrefix_OpensTheFile()
    {
        await using var store = await TwinStores.OpenAsync("sqlite:" + DatabasePath);

        Assert.IsType<SqliteTwinStore>(store);
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Dispose_ThenCall_ThrowsObjectDisposed()
    {
        var store = await SqliteTwinStore.OpenAsync(DatabasePath);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadEventsAsync("r"));
    }

    protected override async Task<ITwinStore> OpenCoreAsync() => await SqliteTwinStore.OpenAsync(DatabasePath);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    protected override async Task SetSchemaVersionAsync(string version)
    {
        await using var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE twin_schema_info SET value = $v WHERE key = 'version'";
        cmd.Parameters.AddWithValue("$v", version);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }
}
