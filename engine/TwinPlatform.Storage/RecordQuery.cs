using TwinPlatform.Core.Lineage;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage;

/// <summary>A filter over stored records; null members do not filter.</summary>
public sealed record RecordQuery
{
    /// <summary>Every record.</summary>
    public static RecordQuery All { get; } = new();

    /// <summary>Only records having a property of this name.</summary>
    public string? Property { get; init; }

    /// <summary>
    /// Only records whose <see cref="Property"/> (or, without one, the record itself) has this
    /// provenance kind: keeps experimental and computed data apart.
    /// </summary>
    public ProvenanceKind? Kind { get; init; }

    /// <summary>Only records readable at one of these access levels (for example public and consortium).</summary>
    public IReadOnlySet<AccessLevel>? Access { get; init; }

    /// <summary>Only records whose provenance source contains this text (a DOI or a file name).</summary>
    public string? SourceContains { get; init; }

    /// <summary>At most this many records.</summary>
    public int? Limit { get; init; }
}
