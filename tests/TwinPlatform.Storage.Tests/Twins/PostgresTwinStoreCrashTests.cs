namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>The crash test against PostgreSQL (the killed client's open transaction is rolled back by the server).</summary>
public sealed class PostgresTwinStoreCrashTests(PostgresTestDatabase database) : TwinStoreCrashTests, IClassFixture<PostgresTestDatabase>
{
    protected override string Spec => "postgres:" + database.ConnectionString;
}
