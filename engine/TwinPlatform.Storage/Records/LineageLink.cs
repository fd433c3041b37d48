namespace TwinPlatform.Storage.Records;

/// <summary>An edge of the lineage graph: this record was derived from <paramref name="ParentId"/>.</summary>
/// <param name="ParentId">Persistent id of the parent record, model or data set.</param>
/// <param name="Relation">How (<c>predicted-by</c>, <c>trained-on</c>, <c>derived-from</c>, <c>specimen-of</c>).</param>
public sealed record LineageLink(string ParentId, string Relation);
