using Npgsql;
using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>
/// The twin store contract against PostgreSQL, in a schema of its own (<see cref="PostgresTestDatabase"/>).
/// Fails, naming <c>TWIN_TEST_POSTGRES</c>, when no server is configured.
/// </summary>
public sealed class PostgresTwinStoreTests(PostgresTestDatabase database) : TwinStoreContractTests, IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Open_ThroughTwinStoresWithHostConnectionString_OpensPostgres()
    {
        await using var store = await TwinStores.OpenAsync(database.ConnectionString);

        var postgres = Assert.IsType<PostgresTwinStore>(store);
        Assert.Equal(TwinStoreDialect.PostgreSql, postgres.Dialect);
    }

    [Fact]
    public async Task Open_Schema_CreatesEveryTableInTheSearchPathSchema()
    {
        await using var store = await OpenCoreAsync();

        await using var c = new NpgsqlConnection(database.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @s AND table_name LIKE 'twin\\_%'", c);
        cmd.Parameters.AddWithValue("s", database.Schema);
        Assert.Equal(8L, await cmd.ExecuteScalarAsync());
    }

    protected override async Task<ITwinStore> OpenCoreAsync() => await PostgresTwinStore.OpenAsync(database.ConnectionString);

    protected override Task ExecuteSqlAsync(string sql) => database.ExecuteAsync(sql);

    protected override Task SetSchemaVersionAsync(string version) =>
        database.ExecuteAsync($"UPDATE twin_schema_info SET value = '{version}' WHERE key = 'version'");
}
