namespace TwinPlatform.Storage.Records;

/// <summary>The composition section of a record: constituents with fractions on one basis.</summary>
/// <remarks>
/// Fractions are pure numbers in 0..1 (SI). When a balance constituent is named its fraction is
/// included, so that the fractions add to one.
/// </remarks>
public sealed record RecordComposition
{
    /// <summary>Creates a composition.</summary>
    /// <param name="basis">Mass, atom or volume fractions.</param>
    /// <param name="constituents">Constituents in source order; names must be unique and fractions in 0..1.</param>
    /// <param name="balance">The constituent that makes up the rest, if the source named one.</param>
    /// <exception cref="ArgumentException">A repeated constituent or a fraction outside 0..1.</exception>
    public RecordComposition(CompositionBasisKind basis, IReadOnlyList<Constituent> constituents, string? balance = null)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in constituents)
        {
            if (!seen.Add(c.Name))
            {
                throw new ArgumentException($"constituent '{c.Name}' is listed twice", nameof(constituents));
            }

            if (!double.IsFinite(c.Fraction) || c.Fraction < 0 || c.Fraction > 1 + 1e-9)
            {
                throw new ArgumentException($"the fraction of '{c.Name}' must lie in 0..1, found {c.Fraction}", nameof(constituents));
            }
        }

        Basis = basis;
        Constituents = [.. constituents];
        Balance = balance;
    }

    /// <summary>An empty composition (a record that carries none).</summary>
    public static RecordComposition None { get; } = new(CompositionBasisKind.Mass, []);

    /// <summary>Mass, atom or volume fractions.</summary>
    public CompositionBasisKind Basis { get; }

    /// <summary>Constituents in source order.</summary>
    public IReadOnlyList<Constituent> Constituents { get; }

    /// <summary>The balance constituent, if any.</summary>
    public string? Balance { get; }

    /// <summary>The fraction of a constituent, zero when absent.</summary>
    public double this[string name]
    {
        get
        {
            foreach (var c in Constituents)
            {
                if (c.Name == name)
                {
                    return c.Fraction;
                }
            }

            return 0.0;
        }
    }
}
