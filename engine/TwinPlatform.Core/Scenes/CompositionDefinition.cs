namespace TwinPlatform.Core.Scenes;

/// <summary>Composition: element symbol to fraction (0..1) on a stated basis; the balance element is explicit.</summary>
/// <param name="Basis">Mass or atom fractions.</param>
/// <param name="Fractions">Element symbol to fraction in 0..1, in file order; includes the balance element.</param>
/// <param name="Balance">The element that makes up the rest (for example Fe), or null when all are given.</param>
public sealed record CompositionDefinition(CompositionBasis Basis, IReadOnlyList<KeyValuePair<string, double>> Fractions, string? Balance)
{
    /// <summary>The fraction of an element, zero when absent.</summary>
    public double this[string element]
    {
        get
        {
            foreach (var (e, f) in Fractions)
            {
                if (e == element)
                {
                    return f;
                }
            }

            return 0.0;
        }
    }
}
