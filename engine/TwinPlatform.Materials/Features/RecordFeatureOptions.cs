namespace TwinPlatform.Materials.Features;

/// <summary>Which groups of features a <see cref="RecordFeaturizer"/> computes from a record.</summary>
public sealed record RecordFeatureOptions
{
    /// <summary>Everything: fractions, element statistics, stoichiometry, process, attributes and conditions.</summary>
    public static RecordFeatureOptions All { get; } = new();

    /// <summary>Atom fraction of every element seen in the training records (<c>x_Fe</c>).</summary>
    public bool AtomFractions { get; init; } = true;

    /// <summary>Mass fraction of every element seen in the training records (<c>w_Fe</c>).</summary>
    public bool MassFractions { get; init; }

    /// <summary>
    /// Products of the atom fractions of every pair of alloying elements (elements reaching 1 at.% in
    /// some training record, the majority element excluded): explicit interaction terms such as Ni x Ti
    /// or Co x Mo, which small data sets rarely teach trees on their own.
    /// </summary>
    public bool Interactions { get; init; }

    /// <summary>Magpie-style statistics of tabulated element properties: atom-fraction-weighted mean and average deviation, minimum and maximum.</summary>
    public bool ElementStatistics { get; init; } = true;

    /// <summary>Number of elements, p-norms of the fractions, ideal mixing entropy, atomic size mismatch and electronegativity difference.</summary>
    public bool Stoichiometry { get; init; } = true;

    /// <summary>Process features: a 0/1 column per step name and a column per step set-point.</summary>
    public bool Process { get; init; } = true;

    /// <summary>Characterisation attributes: numeric values, and 0/1 columns for text values.</summary>
    public bool Attributes { get; init; } = true;

    /// <summary>Test conditions of the target property (test temperature, tension/compression).</summary>
    public bool Conditions { get; init; } = true;

    /// <summary>
    /// Parses a comma-separated list of groups: <c>all</c>, <c>fractions</c>, <c>mass</c>, <c>elements</c>,
    /// <c>interactions</c>, <c>stoichiometry</c>, <c>process</c>, <c>attributes</c>, <c>conditions</c>, <c>composition</c>
    /// (= fractions, elements, stoichiometry).
    /// </summary>
    /// <exception cref="FormatException">An unknown group.</exception>
    public static RecordFeatureOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var o = new RecordFeatureOptions
        {
            AtomFractions = false,
            MassFractions = false,
            ElementStatistics = false,
            Stoichiometry = false,
            Process = false,
            Attributes = false,
            Conditions = false,
        };
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            o = part switch
            {
                "all" => All,
                "fractions" => o with { AtomFractions = true },
                "mass" => o with { MassFractions = true },
                "interactions" => o with { Interactions = true },
                "elements" => o with { ElementStatistics = true },
                "stoichiometry" => o with { Stoichiometry = true },
                "composition" => o with { AtomFractions = true, ElementStatistics = true, Stoichiometry = true },
                "process" => o with { Process = true },
                "attributes" => o with { Attributes = true },
                "conditions" => o with { Conditions = true },
                _ => throw new FormatException($"unknown feature group '{part}' (expected all, composition, fractions, mass, interactions, elements, stoichiometry, process, attributes, conditions)"),
            };
        }

        return o;
    }
}
