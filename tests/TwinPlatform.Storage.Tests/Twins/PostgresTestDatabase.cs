using Npgsql;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>
/// A PostgreSQL schema of its own for one test class, in the database named by the
/// <c>TWIN_TEST_POSTGRES</c> connection string; dropped when the class is done.
/// </summary>
/// <remarks>Without the variable every test using this fixture fails with a message naming it: these tests are never skipped.</remarks>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>The environment variable holding the connection string (<c>./twin test</c> sets it).</summary>
    public const string Variable = "TWIN_TEST_POSTGRES";

    private string? _baseConnectionString;

    /// <summary>The schema created for the test class.</summary>
    public string Schema { get; } = "twin_test_" + Guid.NewGuid().ToString("N");

    /// <summary>The connection string with the search path set to <see cref="Schema"/>.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _baseConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_baseConnectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL twin store tests need a server: run ./twin test (it starts a local PostgreSQL and sets {Variable}), "
                + $"or export {Variable}=\"Host=localhost;Port=5432;Username=twin;Password=twin;Database=twin_test\".");
        }

        await using var c = new NpgsqlConnection(_baseConnectionString);
        await c.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE SCHEMA {Schema}", c))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_baseConnectionString) { SearchPath = Schema }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_baseConnectionString) || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(_baseConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one statement in the test schema.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
