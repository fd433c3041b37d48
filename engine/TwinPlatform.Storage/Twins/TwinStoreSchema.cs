namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The relational schema of the twin store: one definition for SQLite and PostgreSQL. The only
/// dialect differences in the DDL are the identity column (<c>{id}</c> in the template) and the
/// binary column type (<c>{blob}</c>).
/// </summary>
/// <remarks>
/// <para>Every table is prefixed <c>twin_</c>, so the twin store can share a database with the record store.</para>
/// <para>Times are UTC <see cref="DateTime.Ticks"/> in <c>BIGINT</c> columns named <c>*_utc_ticks</c>.
/// Doubles are SI; a NULL double is NaN (SQLite cannot store NaN; PostgreSQL stores NULL too, so both
/// databases hold the same rows). Enumerations are stored by name.</para>
/// <para>No foreign keys: every row carries its run id, and the store checks the run exists before it writes.</para>
/// </remarks>
public static class TwinStoreSchema
{
    /// <summary>The schema version written to <c>twin_schema_info</c>; a store refuses a database with another.</summary>
    /// <remarks>
    /// Version 2 keeps a run's samples in blocks (<c>twin_sample_blocks</c>, one row per appended batch of at
    /// most 4096 samples); version 1 had one row per sample in <c>twin_samples</c>, with a unique index on
    /// (run, channel, sequence). A version 1 database is converted when a store opens it.
    /// </remarks>
    public const int Version = 2;

    private static readonly string[] Template =
    [
        """
        CREATE TABLE IF NOT EXISTS twin_schema_info (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_runs (
          run_id TEXT PRIMARY KEY,
          scene_name TEXT NOT NULL,
          scene_hash TEXT NOT NULL,
          source TEXT NOT NULL,
          started_utc_ticks BIGINT NOT NULL,
          sample_count BIGINT NOT NULL,
          opened_count BIGINT NOT NULL,
          last_opened_utc_ticks BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_channels (
          run_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          twin_id TEXT NOT NULL,
          last_sequence BIGINT NOT NULL,
          sample_count BIGINT NOT NULL,
          PRIMARY KEY (run_id, channel))
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_sample_blocks (
          run_id TEXT NOT NULL,
          first_ordinal BIGINT NOT NULL,
          sample_count INTEGER NOT NULL,
          data {blob} NOT NULL,
          PRIMARY KEY (run_id, first_ordinal))
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_snapshots (
          run_id TEXT NOT NULL,
          twin_id TEXT NOT NULL,
          ordinal BIGINT NOT NULL,
          saved_utc_ticks BIGINT NOT NULL,
          state_json TEXT NOT NULL,
          PRIMARY KEY (run_id, twin_id, ordinal))
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_calibration (
          id {id},
          run_id TEXT NOT NULL,
          twin_id TEXT NOT NULL,
          parameter TEXT NOT NULL,
          timestamp_utc_ticks BIGINT NOT NULL,
          mean DOUBLE PRECISION,
          sd DOUBLE PRECISION,
          lower_bound DOUBLE PRECISION,
          upper_bound DOUBLE PRECISION,
          observations BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_events (
          id {id},
          run_id TEXT NOT NULL,
          twin_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          timestamp_utc_ticks BIGINT NOT NULL,
          severity TEXT NOT NULL,
          message TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS twin_lineage (
          id {id},
          from_id TEXT NOT NULL,
          to_id TEXT NOT NULL,
          relation TEXT NOT NULL,
          provenance_kind TEXT NOT NULL,
          source TEXT NOT NULL,
          date_utc_ticks BIGINT NOT NULL,
          UNIQUE (from_id, to_id, relation, provenance_kind, source))
        """,
        "CREATE INDEX IF NOT EXISTS ix_twin_calibration_run ON twin_calibration (run_id, twin_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_twin_events_run ON twin_events (run_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_twin_lineage_from ON twin_lineage (from_id)",
        "CREATE INDEX IF NOT EXISTS ix_twin_lineage_to ON twin_lineage (to_id)",
    ];

    /// <summary>The DDL statements for a dialect, in order; each is idempotent (<c>IF NOT EXISTS</c>).</summary>
    /// <param name="dialect">The database.</param>
    public static IReadOnlyList<string> Statements(TwinStoreDialect dialect)
    {
        var identity = IdentityColumn(dialect);
        var blob = BlobColumn(dialect);
        var result = new string[Template.Length];
        for (var i = 0; i < Template.Length; i++)
        {
            result[i] = Template[i].Replace("{id}", identity, StringComparison.Ordinal).Replace("{blob}", blob, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>The type of a binary column.</summary>
    /// <param name="dialect">The database.</param>
    public static string BlobColumn(TwinStoreDialect dialect) => dialect switch
    {
        TwinStoreDialect.Sqlite => "BLOB",
        TwinStoreDialect.PostgreSql => "BYTEA",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown dialect"),
    };

    /// <summary>The column definition of an auto-numbered primary key.</summary>
    /// <param name="dialect">The database.</param>
    public static string IdentityColumn(TwinStoreDialect dialect) => dialect switch
    {
        // A SQLite INTEGER PRIMARY KEY is the rowid: assigned ascending on insert.
        TwinStoreDialect.Sqlite => "INTEGER PRIMARY KEY",
        TwinStoreDialect.PostgreSql => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown dialect"),
    };
}
