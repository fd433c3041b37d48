namespace TwinPlatform.Storage;

/// <summary>
/// The relational schema of the record store, in SQL that SQLite and PostgreSQL both accept
/// (<c>TEXT</c>, <c>INTEGER</c>, <c>BIGINT</c>, <c>DOUBLE PRECISION</c>, composite primary keys,
/// <c>ON DELETE CASCADE</c>; no SQLite-only features such as <c>WITHOUT ROWID</c> or <c>AUTOINCREMENT</c>).
/// </summary>
/// <remarks>
/// <para>Tables: <c>records</c> (raw material, basis, provenance, access, origin), <c>compositions</c>,
/// <c>process_steps</c> and <c>process_set_points</c>, <c>attributes</c>, <c>properties</c> and
/// <c>property_conditions</c>, <c>provenance</c> (one row per distinct provenance, keyed by hash),
/// <c>lineage</c> (child, parent, relation) and <c>schema_info</c>.</para>
/// <para>Values are SI in <c>value_si</c>; <c>dimension</c> holds the exponents <c>M,L,T,Theta,I</c>;
/// a textual value has <c>value_si</c> NULL and <c>text</c> set. Dates are ISO 8601 UTC text.</para>
/// </remarks>
public static class RecordStoreSchema
{
    /// <summary>The schema version written to <c>schema_info</c>.</summary>
    public const int Version = 1;

    /// <summary>The DDL statements, in order.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS schema_info (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS provenance (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          source TEXT NOT NULL,
          date TEXT NOT NULL,
          author TEXT,
          institution TEXT,
          method TEXT,
          data TEXT)
        """,
        """
        CREATE TABLE IF NOT EXISTS records (
          id TEXT PRIMARY KEY,
          seq BIGINT NOT NULL,
          access TEXT NOT NULL,
          name TEXT NOT NULL,
          class TEXT,
          supplier TEXT,
          formula TEXT,
          basis TEXT NOT NULL,
          balance TEXT,
          provenance_id TEXT NOT NULL REFERENCES provenance (id),
          origin_file TEXT,
          origin_line INTEGER,
          stored_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS compositions (
          record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          constituent TEXT NOT NULL,
          fraction DOUBLE PRECISION NOT NULL,
          PRIMARY KEY (record_id, ordinal))
        """,
        """
        CREATE TABLE IF NOT EXISTS process_steps (
          record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          equipment TEXT,
          PRIMARY KEY (record_id, ordinal))
        """,
        """
        CREATE TABLE IF NOT EXISTS process_set_points (
          record_id TEXT NOT NULL,
          step_ordinal INTEGER NOT NULL,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          value_si DOUBLE PRECISION,
          dimension TEXT,
          text TEXT,
          PRIMARY KEY (record_id, step_ordinal, ordinal),
          FOREIGN KEY (record_id, step_ordinal) REFERENCES process_steps (record_id, ordinal) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE IF NOT EXISTS attributes (
          record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          value_si DOUBLE PRECISION,
          dimension TEXT,
          text TEXT,
          PRIMARY KEY (record_id, ordinal))
        """,
        """
        CREATE TABLE IF NOT EXISTS properties (
          record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          value_si DOUBLE PRECISION NOT NULL,
          dimension TEXT NOT NULL,
          source_unit TEXT,
          specimen TEXT,
          method TEXT,
          sd_si DOUBLE PRECISION,
          count INTEGER,
          min_si DOUBLE PRECISION,
          max_si DOUBLE PRECISION,
          provenance_id TEXT REFERENCES provenance (id),
          PRIMARY KEY (record_id, ordinal))
        """,
        """
        CREATE TABLE IF NOT EXISTS property_conditions (
          record_id TEXT NOT NULL,
          property_ordinal INTEGER NOT NULL,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          value_si DOUBLE PRECISION,
          dimension TEXT,
          text TEXT,
          PRIMARY KEY (record_id, property_ordinal, ordinal),
          FOREIGN KEY (record_id, property_ordinal) REFERENCES properties (record_id, ordinal) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE IF NOT EXISTS lineage (
          child_id TEXT NOT NULL,
          parent_id TEXT NOT NULL,
          relation TEXT NOT NULL,
          PRIMARY KEY (child_id, parent_id, relation))
        """,
        "CREATE INDEX IF NOT EXISTS ix_properties_name ON properties (name)",
        "CREATE INDEX IF NOT EXISTS ix_records_seq ON records (seq)",
        "CREATE INDEX IF NOT EXISTS ix_lineage_parent ON lineage (parent_id)",
    ];
}
