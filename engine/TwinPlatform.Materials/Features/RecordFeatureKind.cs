namespace TwinPlatform.Materials.Features;

/// <summary>What a column of a <see cref="RecordFeaturizer"/> measures.</summary>
public enum RecordFeatureKind
{
    /// <summary>Atom fraction of <see cref="RecordFeature.Key"/> (an element).</summary>
    AtomFraction,

    /// <summary>Mass fraction of <see cref="RecordFeature.Key"/> (an element).</summary>
    MassFraction,

    /// <summary>Product of the atom fractions of elements <see cref="RecordFeature.Key"/> and <see cref="RecordFeature.Name"/>.</summary>
    FractionProduct,

    /// <summary>Statistic <see cref="RecordFeature.Index"/> of the element property tables (4 per property).</summary>
    ElementStatistic,

    /// <summary>Stoichiometric descriptor <see cref="RecordFeature.Index"/>.</summary>
    Stoichiometry,

    /// <summary>1 if the process has a step named <see cref="RecordFeature.Key"/>, else 0.</summary>
    StepPresent,

    /// <summary>Numeric set-point <see cref="RecordFeature.Name"/> of step <see cref="RecordFeature.Key"/> (SI); the last such step counts.</summary>
    SetPoint,

    /// <summary>1 if text set-point <see cref="RecordFeature.Name"/> of step <see cref="RecordFeature.Key"/> equals <see cref="RecordFeature.Value"/>.</summary>
    SetPointText,

    /// <summary>Numeric attribute <see cref="RecordFeature.Name"/> (SI).</summary>
    Attribute,

    /// <summary>1 if text attribute <see cref="RecordFeature.Name"/> equals <see cref="RecordFeature.Value"/>.</summary>
    AttributeText,

    /// <summary>Numeric test condition <see cref="RecordFeature.Name"/> of the property (SI).</summary>
    Condition,

    /// <summary>1 if text condition <see cref="RecordFeature.Name"/> equals <see cref="RecordFeature.Value"/>.</summary>
    ConditionText,

    /// <summary>Steel descriptor <see cref="RecordFeature.Index"/> of <see cref="SteelDescriptors.Names"/>.</summary>
    SteelDescriptor,

    /// <summary>Natural logarithm of the atom fraction of <see cref="RecordFeature.Key"/> (an element) plus 1e-4.</summary>
    LogAtomFraction,
}
