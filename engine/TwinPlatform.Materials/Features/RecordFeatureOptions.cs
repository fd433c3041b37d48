namespace TwinPlatform.Materials.Features;

/// <summary>Which groups of features a <see cref="RecordFeaturizer"/> computes from a record.</summary>
public sealed record RecordFeatureOptions
{
    /// <summary>Everything: fractions, element statistics, stoichiometry, process, attributes and conditions.</summary>
    public static RecordFeatureOptions All { get; } = new();

    /// <summary>Atom fraction of every element seen in the training records (<c>x_Fe</c>).</summary>
    public bool AtomFractions { get; init; } = true;

    /// <summary>
    /// Logarithm of the atom fraction of every element seen, <c>ln(x + 1e-4)</c>: trace and absent elements
    /// (below 100 ppm) sit together, and relative changes of minor alloying additions count as much as those of major ones.
    /// </summary>
    public bool LogFractions { get; init; }

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

    /// <summary>Metallurgical steel descriptors (<see cref="SteelDescriptors"/>): carbon equivalent, sums and products of alloying elements.</summary>
    public bool Steel { get; init; }

    /// <summary>Process features: a 0/1 column per step name and a column per step set-point.</summary>
    public bool Process { get; init; } = true;

    /// <summary>Characterisation attributes: numeric values, and 0/1 columns for text values.</summary>
    public bool Attributes { get; init; } = true;

    /// <summary>Test conditions of the target property (test temperature, tension/compression).</summary>
    public bool Conditions { get; init; } = true;

    /// <summary>The groups of either option set.</summary>
    public RecordFeatureOptions Union(RecordFeatureOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RecordFeatureOptions
        {
            AtomFractions = AtomFractions || other.AtomFractions,
            LogFractions = LogFractions || other.LogFractions,
            MassFractions = MassFractions || other.MassFractions,
            Interactions = Interactions || other.Interactions,
            ElementStatistics = ElementStatistics || other.ElementStatistics,
            Stoichiometry = Stoichiometry || other.Stoichiometry,
            Steel = Steel || other.Steel,
            Process = Process || other.Process,
            Attributes = Attributes || other.Attributes,
            Conditions = Conditions || other.Conditions,
        };
    }

    /// <summary>Whether columns of a kind belong to the groups of this option set.</summary>
    public bool Includes(RecordFeatureKind kind) => kind switch
    {
        RecordFeatureKind.AtomFraction => AtomFractions,
        RecordFeatureKind.LogAtomFraction => LogFractions,
        RecordFeatureKind.MassFraction => MassFractions,
        RecordFeatureKind.FractionProduct => Interactions,
        RecordFeatureKind.ElementStatistic => ElementStatistics,
        RecordFeatureKind.Stoichiometry => Stoichiometry,
        RecordFeatureKind.SteelDescriptor => Steel,
        RecordFeatureKind.StepPresent or RecordFeatureKind.SetPoint or RecordFeatureKind.SetPointText => Process,
        RecordFeatureKind.Attribute or RecordFeatureKind.AttributeText => Attributes,
        RecordFeatureKind.Condition or RecordFeatureKind.ConditionText => Conditions,
        _ => false,
    };

    /// <summary>
    /// Parses a comma-separated list of groups: <c>all</c>, <c>fractions</c>, <c>mass</c>, <c>elements</c>,
    /// <c>interactions</c>, <c>stoichiometry</c>, <c>steel</c>, <c>logfractions</c>, <c>process</c>, <c>attributes</c>, <c>conditions</c>, <c>composition</c>
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
                "steel" => o with { Steel = true },
                "logfractions" => o with { LogFractions = true },
                "composition" => o with { AtomFractions = true, ElementStatistics = true, Stoichiometry = true },
                "process" => o with { Process = true },
                "attributes" => o with { Attributes = true },
                "conditions" => o with { Conditions = true },
                _ => throw new FormatException($"unknown feature group '{part}' (expected all, composition, fractions, mass, interactions, elements, stoichiometry, steel, logfractions, process, attributes, conditions)"),
            };
        }

        return o;
    }
}
