using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage;

/// <summary>
/// The embedded record store: one SQLite file (or <c>:memory:</c>) with the schema of
/// <see cref="RecordStoreSchema"/>.
/// </summary>
/// <remarks>
/// <para>One connection, guarded by a lock: calls from several threads are serialised.</para>
/// <para>Every record read back is checked against its id (the content hash), so a row edited
/// behind the store's back is reported instead of returned.</para>
/// </remarks>
public sealed partial class SqliteRecordStore : IRecordStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private long _nextSeq;

    private SqliteRecordStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The data source (file path or <c>:memory:</c>).</summary>
    public string DataSource => _connection.DataSource;

    /// <summary>Opens (creating if needed) a store in a file; its folder is created too.</summary>
    /// <param name="path">The database file, or <c>:memory:</c> for a store that lives as long as this object.</param>
    public static SqliteRecordStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new SqliteRecordStore(connection);
        store.CreateSchema();
        return store;
    }

    /// <inheritdoc/>
    public StoreResult Put(IEnumerable<MaterialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            var inserted = 0;
            var existing = 0;
            using var tx = _connection.BeginTransaction();
            var stamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var r in records)
            {
                if (Exists(tx, r.Id))
                {
                    Execute(tx, "UPDATE records SET access = $a WHERE id = $id", ("$a", AccessText(r.Access)), ("$id", r.Id));
                    existing++;
                }
                else
                {
                    Insert(tx, r, stamp);
                    inserted++;
                }

                foreach (var l in r.Lineage)
                {
                    InsertLineage(tx, r.Id, l);
                }
            }

            tx.Commit();
            return new StoreResult(inserted, existing);
        }
    }

    /// <inheritdoc/>
    public MaterialRecord? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return Load(id);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<MaterialRecord> Query(RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var ids = MatchingIds(query);
            var result = new List<MaterialRecord>(ids.Count);
            foreach (var id in ids)
            {
                result.Add(Load(id) ?? throw new InvalidDataException($"record {id} vanished while being read"));
            }

            return result;
        }
    }

    /// <inheritdoc/>
    public int Count(RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return MatchingIds(query).Count;
        }
    }

    /// <inheritdoc/>
    public void AddLineage(string childId, IEnumerable<LineageLink> parents)
    {
        ArgumentNullException.ThrowIfNull(childId);
        ArgumentNullException.ThrowIfNull(parents);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            foreach (var p in parents)
            {
                InsertLineage(tx, childId, p);
            }

            tx.Commit();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<LineageLink> Parents(string childId)
    {
        lock (_gate)
        {
            var list = new List<LineageLink>();
            using var cmd = Command(null, "SELECT parent_id, relation FROM lineage WHERE child_id = $c ORDER BY parent_id, relation", ("$c", childId));
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                list.Add(new LineageLink(reader.GetString(0), reader.GetString(1)));
            }

            return list;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<(string ChildId, string Relation)> Children(string parentId)
    {
        lock (_gate)
        {
            var list = new List<(string, string)>();
            using var cmd = Command(null, "SELECT child_id, relation FROM lineage WHERE parent_id = $p ORDER BY child_id, relation", ("$p", parentId));
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                list.Add((reader.GetString(0), reader.GetString(1)));
            }

            return list;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private void CreateSchema()
    {
        using var tx = _connection.BeginTransaction();
        foreach (var statement in RecordStoreSchema.Statements)
        {
            Execute(tx, statement);
        }

        using (var cmd = Command(tx, "SELECT value FROM schema_info WHERE key = 'version'"))
        {
            if (cmd.ExecuteScalar() is string v && v != RecordStoreSchema.Version.ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"{DataSource} has record store schema version {v}; this build reads version {RecordStoreSchema.Version}");
            }
        }

        Execute(tx, "INSERT INTO schema_info (key, value) VALUES ('version', $v) ON CONFLICT (key) DO NOTHING",
            ("$v", RecordStoreSchema.Version.ToString(CultureInfo.InvariantCulture)));
        using (var cmd = Command(tx, "SELECT COALESCE(MAX(seq), 0) FROM records"))
        {
            _nextSeq = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
        }

        tx.Commit();
    }

    private bool Exists(SqliteTransaction tx, string id)
    {
        using var cmd = Command(tx, "SELECT 1 FROM records WHERE id = $id", ("$id", id));
        return cmd.ExecuteScalar() is not null;
    }

    private void Insert(SqliteTransaction tx, MaterialRecord r, string stamp)
    {
        var provenanceId = PutProvenance(tx, r.Provenance);
        Execute(tx, """
            INSERT INTO records (id, seq, access, name, class, supplier, formula, basis, balance, provenance_id, origin_file, origin_line, stored_at)
            VALUES ($id, $seq, $access, $name, $class, $supplier, $formula, $basis, $balance, $prov, $ofile, $oline, $stamp)
            """,
            ("$id", r.Id), ("$seq", _nextSeq++), ("$access", AccessText(r.Access)), ("$name", r.Raw.Name), ("$class", r.Raw.Class),
            ("$supplier", r.Raw.Supplier), ("$formula", r.Raw.Formula), ("$basis", r.Composition.Basis.ToString().ToLowerInvariant()),
            ("$balance", r.Composition.Balance), ("$prov", provenanceId), ("$ofile", r.Origin?.File), ("$oline", r.Origin?.Line), ("$stamp", stamp));
        for (var i = 0; i < r.Composition.Constituents.Count; i++)
        {
            var c = r.Composition.Constituents[i];
            Execute(tx, "INSERT INTO compositions (record_id, ordinal, constituent, fraction) VALUES ($id, $o, $c, $f)",
                ("$id", r.Id), ("$o", i), ("$c", c.Name), ("$f", c.Fraction));
        }

        for (var s = 0; s < r.Process.Count; s++)
        {
            var step = r.Process[s];
            Execute(tx, "INSERT INTO process_steps (record_id, ordinal, name, equipment) VALUES ($id, $o, $n, $e)",
                ("$id", r.Id), ("$o", s), ("$n", step.Name), ("$e", step.Equipment));
            for (var k = 0; k < step.SetPoints.Count; k++)
            {
                InsertValue(tx, "INSERT INTO process_set_points (record_id, step_ordinal, ordinal, name, value_si, dimension, text) VALUES ($id, $p, $o, $n, $v, $d, $t)",
                    r.Id, s, k, step.SetPoints[k]);
            }
        }

        for (var a = 0; a < r.Attributes.Count; a++)
        {
            InsertValue(tx, "INSERT INTO attributes (record_id, ordinal, name, value_si, dimension, text) VALUES ($id, $o, $n, $v, $d, $t)",
                r.Id, -1, a, r.Attributes[a]);
        }

        for (var p = 0; p < r.Properties.Count; p++)
        {
            var prop = r.Properties[p];
            var propProvenance = prop.Provenance is { } pp ? PutProvenance(tx, pp) : null;
            Execute(tx, """
                INSERT INTO properties (record_id, ordinal, name, value_si, dimension, source_unit, specimen, method, sd_si, count, min_si, max_si, provenance_id)
                VALUES ($id, $o, $n, $v, $d, $u, $sp, $m, $sd, $c, $min, $max, $prov)
                """,
                ("$id", r.Id), ("$o", p), ("$n", prop.Name), ("$v", prop.Value.ValueSI), ("$d", DimensionCodec.ToCode(prop.Value.Dimension)),
                ("$u", prop.SourceUnit), ("$sp", prop.Specimen), ("$m", prop.Method), ("$sd", prop.Statistics?.StandardDeviation),
                ("$c", prop.Statistics?.Count), ("$min", prop.Statistics?.Minimum), ("$max", prop.Statistics?.Maximum), ("$prov", propProvenance));
            for (var k = 0; k < prop.Conditions.Count; k++)
            {
                InsertValue(tx, "INSERT INTO property_conditions (record_id, property_ordinal, ordinal, name, value_si, dimension, text) VALUES ($id, $p, $o, $n, $v, $d, $t)",
                    r.Id, p, k, prop.Conditions[k]);
            }
        }
    }

    private void InsertValue(SqliteTransaction tx, string sql, string id, int parent, int ordinal, NamedValue v) =>
        Execute(tx, sql, ("$id", id), ("$p", parent), ("$o", ordinal), ("$n", v.Name), ("$v", v.Quantity?.ValueSI),
            ("$d", v.Quantity is { } q ? DimensionCodec.ToCode(q.Dimension) : null), ("$t", v.Text));

    private void InsertLineage(SqliteTransaction tx, string child, LineageLink link) =>
        Execute(tx, "INSERT INTO lineage (child_id, parent_id, relation) VALUES ($c, $p, $r) ON CONFLICT (child_id, parent_id, relation) DO NOTHING",
            ("$c", child), ("$p", link.ParentId), ("$r", link.Relation));

    private string PutProvenance(SqliteTransaction tx, Provenance p)
    {
        var date = p.Date.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var key = string.Join("\u001f", MaterialRecordJson.KindText(p.Kind), p.Source, date, p.Author ?? "\u0000", p.Institution ?? "\u0000", p.Method ?? "\u0000", p.Data ?? "\u0000");
        var id = "pv-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
        Execute(tx, """
            INSERT INTO provenance (id, kind, source, date, author, institution, method, data) VALUES ($id, $k, $s, $d, $a, $i, $m, $data)
            ON CONFLICT (id) DO NOTHING
            """,
            ("$id", id), ("$k", MaterialRecordJson.KindText(p.Kind)), ("$s", p.Source), ("$d", date), ("$a", p.Author), ("$i", p.Institution),
            ("$m", p.Method), ("$data", p.Data));
        return id;
    }

    private List<string> MatchingIds(RecordQuery q)
    {
        var sql = new StringBuilder("SELECT r.id FROM records r JOIN provenance pr ON pr.id = r.provenance_id WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (q.Property is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM properties p LEFT JOIN provenance pp ON pp.id = p.provenance_id WHERE p.record_id = r.id AND p.name = $prop");
            parameters.Add(("$prop", q.Property));
            if (q.Kind is { } kind)
            {
                sql.Append(" AND COALESCE(pp.kind, pr.kind) = $kind");
                parameters.Add(("$kind", MaterialRecordJson.KindText(kind)));
            }

            sql.Append(')');
        }
        else if (q.Kind is { } kind)
        {
            sql.Append(" AND pr.kind = $kind");
            parameters.Add(("$kind", MaterialRecordJson.KindText(kind)));
        }

        if (q.Access is { } access)
        {
            if (access.Count == 0)
            {
                return [];
            }

            var names = new List<string>();
            var i = 0;
            foreach (var level in access)
            {
                names.Add($"$acc{i}");
                parameters.Add(($"$acc{i}", AccessText(level)));
                i++;
            }

            sql.Append(" AND r.access IN (").Append(string.Join(", ", names)).Append(')');
        }

        if (q.SourceContains is { } source)
        {
            // LIKE with an explicit escape character works the same in SQLite and PostgreSQL.
            sql.Append(" AND pr.source LIKE $src ESCAPE '\\'");
            var escaped = source.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            parameters.Add(("$src", "%" + escaped + "%"));
        }

        sql.Append(" ORDER BY r.seq");
        if (q.Limit is { } limit)
        {
            sql.Append(" LIMIT $limit");
            parameters.Add(("$limit", limit));
        }

        using var cmd = Command(null, sql.ToString(), [.. parameters]);
        using var reader = cmd.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static string AccessText(AccessLevel level) => level.ToString().ToLowerInvariant();

    private SqliteCommand Command(SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private void Execute(SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(tx, sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private static Quantity? ReadQuantity(SqliteDataReader reader, int value, int dimension) =>
        reader.IsDBNull(value) ? null : new Quantity(reader.GetDouble(value), DimensionCodec.FromCode(reader.GetString(dimension)));
}
