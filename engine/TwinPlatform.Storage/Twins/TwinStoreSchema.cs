namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The relational schema of the twin store: one definition for SQLite and PostgreSQL. The only
/// dialect difference in the DDL is the identity column (<c>{id}</c> in the template).
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
    public const int Version = 1;

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
        CREATE TABLE IF NOT EXISTS twin_samples (
          run_id TEXT NOT NULL,
          ordinal BIGINT NOT NULL,
          twin_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          sequence BIGINT NOT NULL,
          timestamp_utc_ticks BIGINT NOT NULL,
          value_si DOUBLE PRECISION,
          unit TEXT NOT NULL,
          quality SMALLINT NOT NULL,
          PRIMARY KEY (run_id, ordinal),
          UNIQUE (run_id, channel, sequence))
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
        var result = new string[Template.Length];
        for (var i = 0; i < Template.Length; i++)
        {
            result[i] = Template[i].Replace("{id}", identity, StringComparison.Ordinal);
        }

        return result;
    }

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
