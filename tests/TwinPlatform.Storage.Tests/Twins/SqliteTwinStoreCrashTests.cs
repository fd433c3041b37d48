using Microsoft.Data.Sqlite;
using TwinPlatform.Testing;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>The crash test against a SQLite file.</summary>
public sealed class SqliteTwinStoreCrashTests : TwinStoreCrashTests, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder("twin-store-crash");

    private string DatabasePath => Path.Combine(_folder, "twins.db");

    protected override string Spec => "sqlite:" + DatabasePath;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    protected override async Task CheckIntegrityAsync()
    {
        await using var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await cmd.ExecuteScalarAsync());
    }
}
