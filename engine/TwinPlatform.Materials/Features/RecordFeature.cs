namespace TwinPlatform.Materials.Features;

/// <summary>One column of a <see cref="RecordFeaturizer"/>.</summary>
/// <param name="Kind">What it measures.</param>
/// <param name="Key">Element symbol or step name, if the kind needs one.</param>
/// <param name="Name">Set-point, attribute or condition name, if the kind needs one.</param>
/// <param name="Value">The text value a 0/1 column tests for.</param>
/// <param name="Index">Index of an element statistic or stoichiometric descriptor.</param>
/// <param name="Unit">Unit of the column values (SI symbol, or <c>1</c>).</param>
public sealed record RecordFeature(RecordFeatureKind Kind, string? Key, string? Name, string? Value, int Index, string Unit)
{
    /// <summary>The column name: <c>x_Fe</c>, <c>mean_electronegativity</c>, <c>tempering.temperature</c>, <c>test_type=tension</c>.</summary>
    public string ColumnName => Kind switch
    {
        RecordFeatureKind.AtomFraction => $"x_{Key}",
        RecordFeatureKind.MassFraction => $"w_{Key}",
        RecordFeatureKind.FractionProduct => $"x_{Key}*x_{Name}",
        RecordFeatureKind.ElementStatistic =>
            $"{CompositionStatistics.StatisticNames[Index % 4]}_{Chemistry.ElementTable.PropertyNames[Index / 4]}",
        RecordFeatureKind.Stoichiometry => CompositionStatistics.StoichiometryNames[Index],
        RecordFeatureKind.SteelDescriptor => SteelDescriptors.Names[Index],
        RecordFeatureKind.LogAtomFraction => $"ln(x_{Key}+1e-4)",
        RecordFeatureKind.StepPresent => $"step:{Key}",
        RecordFeatureKind.SetPoint => $"{Key}.{Name}",
        RecordFeatureKind.SetPointText => $"{Key}.{Name}={Value}",
        RecordFeatureKind.Attribute => Name!,
        RecordFeatureKind.AttributeText => $"{Name}={Value}",
        RecordFeatureKind.Condition => Name!,
        RecordFeatureKind.ConditionText => $"{Name}={Value}",
        _ => Kind.ToString(),
    };
}
