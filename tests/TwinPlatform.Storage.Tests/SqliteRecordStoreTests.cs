using Microsoft.Data.Sqlite;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Storage.Records;
using TwinPlatform.Testing;

namespace TwinPlatform.Storage.Tests;

public sealed class SqliteRecordStoreTests
{
    [Fact]
    public void PutGet_Record_ComesBackWithSameIdAndContent()
    {
        using var store = SqliteRecordStore.Open(":memory:");
        var record = TestRecords.Alloy();

        var result = store.Put([record]);
        var back = store.Get(record.Id);

        Assert.Equal(new StoreResult(1, 0), result);
        Assert.NotNull(back);
        Assert.Equal(record.Id, back.Id);
        Assert.Equal(MaterialRecordJson.Serialize(record), MaterialRecordJson.Serialize(back));
    }

    [Fact]
    public void Put_SameRecordTwice_StoresItOnceAndUpdatesAccess()
    {
        using var store = SqliteRecordStore.Open(":memory:");
        var record = TestRecords.Alloy();
        store.Put([record]);

        var again = store.Put([record.WithAccess(AccessLevel.Consortium)]);

        Assert.Equal(new StoreResult(0, 1), again);
        Assert.Equal(1, store.Count(RecordQuery.All));
        Assert.Equal(AccessLevel.Consortium, store.Get(record.Id)!.Access);
    }

    [Fact]
    public void Query_ByPropertyAndKind_KeepsExperimentalAndComputedApart()
    {
        using var store = SqliteRecordStore.Open(":memory:");
        store.Put([TestRecords.Alloy(300), TestRecords.Alloy(400)]);

        var experimentalDensity = store.Count(new RecordQuery { Property = "density", Kind = ProvenanceKind.Experiment });
        var computedDensity = store.Count(new RecordQuery { Property = "density", Kind = ProvenanceKind.Computation });
        var experimentalYield = store.Query(new RecordQuery { Property = "yield_strength", Kind = ProvenanceKind.Experiment });

        Assert.Equal(0, experimentalDensity);
        Assert.Equal(2, computedDensity);
        Assert.Equal(2, experimentalYield.Count);
    }

    [Fact]
    public void Query_ByAccessAndSource_Filters()
    {
        using var store = SqliteRecordStore.Open(":memory:");
        store.Put([TestRecords.Alloy(300, AccessLevel.Public), TestRecords.Alloy(310, AccessLevel.Consortium), TestRecords.Alloy(320, AccessLevel.Private)]);

        Assert.Equal(2, store.Count(new RecordQuery { Access = new HashSet<AccessLevel> { AccessLevel.Public, AccessLevel.Consortium } }));
        Assert.Equal(3, store.Count(new RecordQuery { SourceContains = "j.jallcom" }));
        Assert.Equal(0, store.Count(new RecordQuery { SourceContains = "100%_off" }));
        Assert.Single(store.Query(new RecordQuery { Limit = 1 }));
    }

    [Fact]
    public void Lineage_ParentsAndChildren_AreStored()
    {
        using var store = SqliteRecordStore.Open(":memory:");
        var parent = TestRecords.Alloy(300);
        var child = TestRecords.Alloy(320).WithLineage([new LineageLink(parent.Id, "derived-from")]);

        store.Put([parent, child]);
        store.AddLineage(child.Id, [new LineageLink("model:nims-steel", "predicted-by")]);

        Assert.Equal(2, store.Parents(child.Id).Count);
        Assert.Equal([(child.Id, "derived-from")], store.Children(parent.Id));
        Assert.Equal(child.Id, store.Get(child.Id)!.Id);
    }

    [Fact]
    public void Open_ExistingFile_KeepsRecordsAcrossConnections()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("store"), "materials.db");
        var record = TestRecords.Alloy();
        using (var store = SqliteRecordStore.Open(path))
        {
            store.Put([record]);
        }

        using var reopened = SqliteRecordStore.Open(path);

        Assert.Equal(record.Id, reopened.Get(record.Id)!.Id);
        Assert.Equal(1, reopened.Count(RecordQuery.All));
    }

    [Fact]
    public void Get_RowChangedBehindTheStore_IsReportedNotReturned()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("store"), "materials.db");
        var record = TestRecords.Alloy();
        using (var store = SqliteRecordStore.Open(path))
        {
            store.Put([record]);
        }

        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "UPDATE properties SET value_si = 1 WHERE name = 'yield_strength'";
            cmd.ExecuteNonQuery();
        }

        using var reopened = SqliteRecordStore.Open(path);

        var e = Assert.Throws<InvalidDataException>(() => reopened.Get(record.Id));
        Assert.Contains("changed outside the store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_UsesOnlyPortableSql()
    {
        var ddl = string.Join("\n", RecordStoreSchema.Statements).ToUpperInvariant();

        Assert.DoesNotContain("AUTOINCREMENT", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("WITHOUT ROWID", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain(" REAL", ddl, StringComparison.Ordinal);
        Assert.Contains("DOUBLE PRECISION", ddl, StringComparison.Ordinal);
        foreach (var table in new[] { "RECORDS", "COMPOSITIONS", "PROCESS_STEPS", "PROCESS_SET_POINTS", "PROPERTIES", "PROPERTY_CONDITIONS", "PROVENANCE", "LINEAGE", "ATTRIBUTES" })
        {
            Assert.Contains($"CREATE TABLE IF NOT EXISTS {table} ", ddl, StringComparison.Ordinal);
        }
    }
}
