namespace TwinPlatform.Materials.Tables;

/// <summary>
/// A table of cited elastic constants by key. <see cref="Default"/> holds the entries shipped with
/// the platform; a scene names one with <c>properties.elastic</c>.
/// </summary>
/// <remarks>
/// Standard uncertainties are not given by the sources (they quote typical or nominal values); they
/// are this project's estimate of how far a particular heat and temper may lie from the handbook
/// value (static moduli of steels scatter by a few percent), stated so that a twin calibrating E
/// against strain gauges starts from an honest prior.
/// </remarks>
public sealed class ElasticConstantsTable
{
    private readonly Dictionary<string, ElasticConstants> _entries;

    /// <summary>Creates a table from entries (keys must be unique).</summary>
    public ElasticConstantsTable(IEnumerable<ElasticConstants> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new Dictionary<string, ElasticConstants>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!_entries.TryAdd(e.Id, e))
            {
                throw new ArgumentException($"duplicate elastic table entry '{e.Id}'", nameof(entries));
            }
        }
    }

    /// <summary>The entries shipped with the platform.</summary>
    public static ElasticConstantsTable Default { get; } = new(
    [
        // AISI 4130/4140-class Cr-Mo steel, quenched and tempered. ASM International's material data
        // sheets for AISI 4140 give E = 205 GPa ("typical for steel") and nu = 0.29; the MMPDS design
        // tables for the AISI low-alloy steels give E = 29.0e3 ksi = 200 GPa, within one standard
        // uncertainty of 2.5% (5 GPa). nu: 0.29 +- 0.015 spans the 0.27-0.32 quoted across sources.
        new("low-alloy-steel-qt",
            "quenched and tempered low-alloy Cr-Mo steel (AISI 4130/4140, SCM435/440, 42CrMo4)",
            205e9, 5e9, 0.29, 0.015,
            "ASM Material Data Sheet, AISI 4140 steel, oil quenched and tempered (ASM International / MatWeb): E = 205 GPa, nu = 0.29; " +
            "consistent with MMPDS-01 (FAA, 31 Jan 2003), AISI low-alloy steels 4130/4140: E = 29.0e3 ksi (200 GPa)",
            new DateTimeOffset(2003, 1, 31, 0, 0, 0, TimeSpan.Zero)),

        // EN 1993-1-1:2005 clause 3.2.6(1): E = 210 000 N/mm2, nu = 0.3 for structural steels
        // (S235-S460). A design value; measured moduli of hot-rolled sections lie about 2% around it.
        new("structural-steel-s355",
            "hot-rolled structural steel S355 (EN 10025-2)",
            210e9, 4.2e9, 0.30, 0.01,
            "EN 1993-1-1:2005 Eurocode 3: Design of steel structures, Part 1-1, clause 3.2.6(1): E = 210 000 N/mm2, nu = 0.3",
            new DateTimeOffset(2005, 5, 1, 0, 0, 0, TimeSpan.Zero)),

        // 6061-T6: E = 68.9 GPa (10.0e6 psi, average of tension and compression; compression is about
        // 2% stiffer), nu = 0.33: Aluminum Association typical values as given in ASM's data sheet.
        // MMPDS gives 9.9e3 ksi (68.3 GPa) in tension, within the 2% standard uncertainty.
        new("aluminium-6061-t6",
            "wrought aluminium alloy 6061-T6/T651",
            68.9e9, 1.4e9, 0.33, 0.01,
            "ASM Material Data Sheet, aluminum 6061-T6 (ASM International / MatWeb), Aluminum Association typical values: " +
            "E = 68.9 GPa, nu = 0.33; cf. MMPDS-01 (FAA, 31 Jan 2003): E = 9.9e3 ksi (68.3 GPa)",
            new DateTimeOffset(2003, 1, 31, 0, 0, 0, TimeSpan.Zero)),
    ]);

    /// <summary>The keys, sorted.</summary>
    public IReadOnlyList<string> Ids => [.. _entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Looks an entry up; false when unknown.</summary>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ElasticConstants? constants) =>
        _entries.TryGetValue(id, out constants);

    /// <summary>The entry with a key.</summary>
    /// <exception cref="KeyNotFoundException">Unknown key; the message lists the known keys.</exception>
    public ElasticConstants Get(string id) => _entries.TryGetValue(id, out var c)
        ? c
        : throw new KeyNotFoundException($"no elastic table entry '{id}' (known: {string.Join(", ", Ids)})");
}
