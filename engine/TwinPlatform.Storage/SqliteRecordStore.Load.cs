using System.Globalization;
using Microsoft.Data.Sqlite;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage;

/// <summary>Reading a record back from its tables.</summary>
public sealed partial class SqliteRecordStore
{
    private MaterialRecord? Load(string id)
    {
        string name, basis, provenanceId, access;
        string? cls, supplier, formula, balance, originFile;
        int? originLine;
        using (var cmd = Command(null, "SELECT name, class, supplier, formula, basis, balance, provenance_id, access, origin_file, origin_line FROM records WHERE id = $id", ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            name = r.GetString(0);
            cls = NullableString(r, 1);
            supplier = NullableString(r, 2);
            formula = NullableString(r, 3);
            basis = r.GetString(4);
            balance = NullableString(r, 5);
            provenanceId = r.GetString(6);
            access = r.GetString(7);
            originFile = NullableString(r, 8);
            originLine = r.IsDBNull(9) ? null : r.GetInt32(9);
        }

        var constituents = new List<Constituent>();
        using (var cmd = Command(null, "SELECT constituent, fraction FROM compositions WHERE record_id = $id ORDER BY ordinal", ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                constituents.Add(new Constituent(r.GetString(0), r.GetDouble(1)));
            }
        }

        var setPoints = ReadValues("SELECT step_ordinal, name, value_si, dimension, text FROM process_set_points WHERE record_id = $id ORDER BY step_ordinal, ordinal", id);
        var steps = new List<ProcessStepRecord>();
        using (var cmd = Command(null, "SELECT ordinal, name, equipment FROM process_steps WHERE record_id = $id ORDER BY ordinal", ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var ordinal = r.GetInt32(0);
                steps.Add(new ProcessStepRecord(r.GetString(1), setPoints.TryGetValue(ordinal, out var sp) ? sp : [], NullableString(r, 2)));
            }
        }

        var attributes = ReadValues("SELECT -1, name, value_si, dimension, text FROM attributes WHERE record_id = $id ORDER BY ordinal", id);
        var conditions = ReadValues("SELECT property_ordinal, name, value_si, dimension, text FROM property_conditions WHERE record_id = $id ORDER BY property_ordinal, ordinal", id);
        var properties = new List<PropertyRecord>();
        using (var cmd = Command(null, """
            SELECT ordinal, name, value_si, dimension, source_unit, specimen, method, sd_si, count, min_si, max_si, provenance_id
            FROM properties WHERE record_id = $id ORDER BY ordinal
            """, ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var ordinal = r.GetInt32(0);
                PropertyStatistics? stats = r.IsDBNull(7) && r.IsDBNull(8) && r.IsDBNull(9) && r.IsDBNull(10)
                    ? null
                    : new PropertyStatistics(NullableDouble(r, 7), r.IsDBNull(8) ? null : r.GetInt32(8), NullableDouble(r, 9), NullableDouble(r, 10));
                var provId = NullableString(r, 11);
                properties.Add(new PropertyRecord(r.GetString(1), new Quantity(r.GetDouble(2), DimensionCodec.FromCode(r.GetString(3))),
                    conditions.TryGetValue(ordinal, out var c) ? c : [], NullableString(r, 5), NullableString(r, 6), stats,
                    provId is null ? null : LoadProvenance(provId), NullableString(r, 4)));
            }
        }

        var record = new MaterialRecord(
            new RawMaterial(name, cls, supplier, formula),
            new RecordComposition(Enum.Parse<CompositionBasisKind>(basis, ignoreCase: true), constituents, balance),
            steps,
            properties,
            LoadProvenance(provenanceId),
            attributes.TryGetValue(-1, out var attrs) ? attrs : [],
            Enum.Parse<AccessLevel>(access, ignoreCase: true),
            LoadParents(id),
            originFile is null ? null : new RecordOrigin(originFile, originLine ?? 0));
        return record.Id == id
            ? record
            : throw new InvalidDataException($"{DataSource}: the stored content of record {id} hashes to {record.Id}; the row was changed outside the store");
    }

    private List<LineageLink> LoadParents(string id)
    {
        var list = new List<LineageLink>();
        using var cmd = Command(null, "SELECT parent_id, relation FROM lineage WHERE child_id = $c ORDER BY parent_id, relation", ("$c", id));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new LineageLink(reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }

    private Provenance LoadProvenance(string provenanceId)
    {
        using var cmd = Command(null, "SELECT kind, source, date, author, institution, method, data FROM provenance WHERE id = $id", ("$id", provenanceId));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            throw new InvalidDataException($"{DataSource}: provenance {provenanceId} is missing");
        }

        return new Provenance(MaterialRecordJson.ParseKind(r.GetString(0)), r.GetString(1),
            DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            NullableString(r, 3), NullableString(r, 4), NullableString(r, 5), NullableString(r, 6));
    }

    private Dictionary<int, List<NamedValue>> ReadValues(string sql, string id)
    {
        var result = new Dictionary<int, List<NamedValue>>();
        using var cmd = Command(null, sql, ("$id", id));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var parent = r.GetInt32(0);
            if (!result.TryGetValue(parent, out var list))
            {
                list = [];
                result[parent] = list;
            }

            var q = ReadQuantity(r, 2, 3);
            list.Add(q is { } quantity ? NamedValue.Of(r.GetString(1), quantity) : NamedValue.OfText(r.GetString(1), NullableString(r, 4) ?? string.Empty));
        }

        return result;
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
