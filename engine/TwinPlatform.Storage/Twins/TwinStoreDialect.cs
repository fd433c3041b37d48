namespace TwinPlatform.Storage.Twins;

/// <summary>The SQL dialects the twin store speaks.</summary>
public enum TwinStoreDialect
{
    /// <summary>SQLite 3.24 or later (Microsoft.Data.Sqlite).</summary>
    Sqlite,

    /// <summary>PostgreSQL 12 or later (Npgsql).</summary>
    PostgreSql,
}
