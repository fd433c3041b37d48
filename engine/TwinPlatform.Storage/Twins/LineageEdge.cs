using TwinPlatform.Core.Lineage;

namespace TwinPlatform.Storage.Twins;

/// <summary>
/// One link of the life-cycle chain, from the upstream node to the downstream one: material to
/// component, component to system, or evidence from a run back to the material or component it informs.
/// </summary>
/// <param name="FromId">The upstream node (a material record id, component id, run id, ...).</param>
/// <param name="ToId">The downstream node.</param>
/// <param name="Relation">What the link means (for example <c>made-into</c>, <c>part-of</c>, <c>evidence-for</c>).</param>
/// <param name="Kind">The kind of provenance behind the link (in-service evidence is <see cref="ProvenanceKind.InService"/>).</param>
/// <param name="Source">Where the link comes from (a scene file, a run id, a report).</param>
/// <param name="DateUtc">When the link was established.</param>
public sealed record LineageEdge(string FromId, string ToId, string Relation, ProvenanceKind Kind, string Source, DateTimeOffset DateUtc);
