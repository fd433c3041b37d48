using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Twins;

public sealed class TwinStoresTests
{
    [Theory]
    [InlineData("sqlite:out/run/twins.db", TwinStoreDialect.Sqlite, "out/run/twins.db")]
    [InlineData("SQLITE: /tmp/a.db ", TwinStoreDialect.Sqlite, "/tmp/a.db")]
    [InlineData("out/twins.db", TwinStoreDialect.Sqlite, "out/twins.db")]
    [InlineData("postgres:Host=db;Database=twins", TwinStoreDialect.PostgreSql, "Host=db;Database=twins")]
    [InlineData("postgresql:Host=db;Database=twins", TwinStoreDialect.PostgreSql, "Host=db;Database=twins")]
    [InlineData("Host=localhost;Port=5432;Username=twin", TwinStoreDialect.PostgreSql, "Host=localhost;Port=5432;Username=twin")]
    [InlineData("host=localhost", TwinStoreDialect.PostgreSql, "host=localhost")]
    public void Parse_Spec_PicksDialectAndTarget(string spec, TwinStoreDialect dialect, string target)
    {
        var parsed = TwinStores.Parse(spec);

        Assert.Equal(dialect, parsed.Dialect);
        Assert.Equal(target, parsed.Target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("sqlite:")]
    [InlineData("postgres:  ")]
    public void Parse_EmptyTarget_ThrowsArgumentException(string spec)
    {
        Assert.ThrowsAny<ArgumentException>(() => TwinStores.Parse(spec));
    }

    [Fact]
    public void Schema_BothDialects_SameStatementsButTheIdentityAndBinaryColumns()
    {
        var sqlite = TwinStoreSchema.Statements(TwinStoreDialect.Sqlite);
        var postgres = TwinStoreSchema.Statements(TwinStoreDialect.PostgreSql);

        Assert.Equal(sqlite.Count, postgres.Count);
        for (var i = 0; i < sqlite.Count; i++)
        {
            Assert.Equal(
                sqlite[i].Replace(TwinStoreSchema.IdentityColumn(TwinStoreDialect.Sqlite), "{id}", StringComparison.Ordinal).Replace(" BLOB", " {blob}", StringComparison.Ordinal),
                postgres[i].Replace(TwinStoreSchema.IdentityColumn(TwinStoreDialect.PostgreSql), "{id}", StringComparison.Ordinal).Replace(" BYTEA", " {blob}", StringComparison.Ordinal));
            Assert.DoesNotContain("{id}", sqlite[i], StringComparison.Ordinal);
            Assert.DoesNotContain("{blob}", postgres[i], StringComparison.Ordinal);
        }
    }
}
