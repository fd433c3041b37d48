using TwinPlatform.Core.Lineage;

namespace TwinPlatform.Storage.Records;

/// <summary>
/// A material life-cycle record in the shape of the standard input template of materials-data
/// programmes: raw material, composition, process (steps in order with set-points), properties
/// (specimen, method, conditions, value, statistics), with provenance, an access level and a
/// persistent identifier.
/// </summary>
/// <remarks>
/// <para><see cref="Id"/> is a content hash (<see cref="RecordIdentifier"/>): the same content from
/// the same source always gets the same id, so importing a file twice stores nothing new. The
/// access level, origin (file and line) and lineage are not part of the identity.</para>
/// <para>All values are in SI. Immutable.</para>
/// </remarks>
public sealed class MaterialRecord
{
    /// <summary>Creates a record and computes its persistent id.</summary>
    /// <param name="raw">Raw-material section.</param>
    /// <param name="composition">Composition section (<see cref="RecordComposition.None"/> if the source has none).</param>
    /// <param name="process">Process steps in order.</param>
    /// <param name="properties">Measured, computed or predicted properties.</param>
    /// <param name="provenance">Where the record came from.</param>
    /// <param name="attributes">Characterisation attributes (grain size, phases, inclusion ratings), if any.</param>
    /// <param name="access">Who may read it.</param>
    /// <param name="lineage">Records, models or data sets it was derived from.</param>
    /// <param name="origin">File and line it was imported from.</param>
    public MaterialRecord(
        RawMaterial raw,
        RecordComposition composition,
        IReadOnlyList<ProcessStepRecord> process,
        IReadOnlyList<PropertyRecord> properties,
        Provenance provenance,
        IReadOnlyList<NamedValue>? attributes = null,
        AccessLevel access = AccessLevel.Public,
        IReadOnlyList<LineageLink>? lineage = null,
        RecordOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(provenance);
        Raw = raw;
        Composition = composition;
        Process = [.. process];
        Properties = [.. properties];
        Provenance = provenance;
        Attributes = attributes is null ? [] : [.. attributes];
        Access = access;
        Lineage = lineage is null ? [] : [.. lineage];
        Origin = origin;
        Id = RecordIdentifier.Compute(this);
    }

    /// <summary>Persistent identifier: <c>mr-</c> and 32 hex digits of the SHA-256 of the canonical content.</summary>
    public string Id { get; }

    /// <summary>Raw-material section.</summary>
    public RawMaterial Raw { get; }

    /// <summary>Composition section.</summary>
    public RecordComposition Composition { get; }

    /// <summary>Process steps in the order applied.</summary>
    public IReadOnlyList<ProcessStepRecord> Process { get; }

    /// <summary>Properties.</summary>
    public IReadOnlyList<PropertyRecord> Properties { get; }

    /// <summary>Characterisation attributes.</summary>
    public IReadOnlyList<NamedValue> Attributes { get; }

    /// <summary>Where the record came from (kind, source, institution, author, date).</summary>
    public Provenance Provenance { get; }

    /// <summary>Who may read it.</summary>
    public AccessLevel Access { get; }

    /// <summary>What it was derived from.</summary>
    public IReadOnlyList<LineageLink> Lineage { get; }

    /// <summary>File and line it was imported from, if imported.</summary>
    public RecordOrigin? Origin { get; }

    /// <summary>The provenance of a property: its own, or else the record's.</summary>
    public Provenance ProvenanceOf(PropertyRecord property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.Provenance ?? Provenance;
    }

    /// <summary>The first property with the given name, or null.</summary>
    public PropertyRecord? Property(string name)
    {
        foreach (var p in Properties)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>An attribute by name, or null.</summary>
    public NamedValue? Attribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The same content with another access level (the id does not change).</summary>
    public MaterialRecord WithAccess(AccessLevel access) =>
        new(Raw, Composition, Process, Properties, Provenance, Attributes, access, Lineage, Origin);

    /// <summary>The same content with lineage links added (the id does not change).</summary>
    public MaterialRecord WithLineage(IEnumerable<LineageLink> links) =>
        new(Raw, Composition, Process, Properties, Provenance, Attributes, Access, [.. Lineage, .. links], Origin);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Raw.Name}";
}
