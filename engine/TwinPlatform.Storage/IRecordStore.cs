using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage;

/// <summary>
/// A persistent store of material records with their provenance and lineage. The embedded default
/// is <see cref="SqliteRecordStore"/>; a PostgreSQL store implements the same interface over the
/// same schema (<see cref="RecordStoreSchema"/>).
/// </summary>
/// <remarks>
/// Records are immutable and addressed by their content id: storing a record that is already
/// present changes nothing but its access level. Implementations are safe to call from several
/// threads.
/// </remarks>
public interface IRecordStore : IDisposable
{
    /// <summary>Stores records (insert, or update the access level of a record already stored) in one transaction.</summary>
    /// <returns>How many were new and how many were already stored.</returns>
    StoreResult Put(IEnumerable<MaterialRecord> records);

    /// <summary>A record by id, or null.</summary>
    MaterialRecord? Get(string id);

    /// <summary>The records matching a query, in the order they were first stored.</summary>
    IReadOnlyList<MaterialRecord> Query(RecordQuery query);

    /// <summary>How many records match a query.</summary>
    int Count(RecordQuery query);

    /// <summary>Adds lineage edges from a record to its parents (records, models, data sets).</summary>
    void AddLineage(string childId, IEnumerable<LineageLink> parents);

    /// <summary>The parents of a record.</summary>
    IReadOnlyList<LineageLink> Parents(string childId);

    /// <summary>The ids of the records derived from a parent, with the relation.</summary>
    IReadOnlyList<(string ChildId, string Relation)> Children(string parentId);
}
