using TwinPlatform.Core;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Units;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Materials.Features;

/// <summary>
/// The 16 inputs of the NIMS fatigue data set (the cleaned MatNavi subset published by
/// Xiong, Zhang and Shi, Sci. China Tech. Sci. 63 (2020) 1247-1255), read from a scene material:
/// normalising, quenching and tempering temperatures (degC); C, Si, Mn, P, S, Ni, Cr, Cu, Mo (wt%);
/// the hot-working reduction ratio; the inclusion area fractions dA, dB, dC (%).
/// </summary>
/// <remarks>
/// <para>Scene shape: process steps <c>normalizing</c>, <c>quenching</c> and <c>tempering</c> each with a
/// <c>temperature</c>; a set-point <c>reduction_ratio</c> on any step (usually <c>hot-working</c>);
/// attributes <c>inclusions_dA</c>, <c>inclusions_dB</c>, <c>inclusions_dC</c> as fractions
/// (<c>0.03 %</c>); a mass-basis composition listing every one of the nine elements (write 0 for none:
/// an element left out is unknown, not zero).</para>
/// <para>When a step occurs more than once, the last one counts (the final temper sets the properties).</para>
/// </remarks>
public sealed class NimsSteelFeaturizer : IMaterialFeaturizer
{
    /// <summary>The id model manifests use for this featuriser.</summary>
    public const string FeaturizerId = "nims-steel-v1";

    private static readonly string[] Elements = ["C", "Si", "Mn", "P", "S", "Ni", "Cr", "Cu", "Mo"];
    private static readonly string[] Inclusions = ["dA", "dB", "dC"];
    private static readonly string[] NormalizingNames = ["normalizing", "normalising", "normalization", "normalisation"];
    private static readonly string[] QuenchingNames = ["quenching", "quench", "hardening"];
    private static readonly string[] TemperingNames = ["tempering", "temper"];

    private static readonly FeatureDescription[] Descriptions = BuildDescriptions();

    /// <inheritdoc/>
    public string Id => FeaturizerId;

    /// <inheritdoc/>
    public IReadOnlyList<FeatureDescription> Features => Descriptions;

    /// <inheritdoc/>
    public double[] Featurize(MaterialDefinition material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var mapping = material.Field.AsMapping();
        var x = new double[Descriptions.Length];
        x[0] = StepTemperatureCelsius(material, mapping, NormalizingNames);
        x[1] = StepTemperatureCelsius(material, mapping, QuenchingNames);
        x[2] = StepTemperatureCelsius(material, mapping, TemperingNames);

        var compositionField = mapping.Required("composition");
        if (material.Composition.Basis != CompositionBasis.Mass)
        {
            throw ErrorAt(compositionField, "basis", $"model featuriser '{FeaturizerId}' needs a mass-basis composition (basis: mass, wt%)");
        }

        for (var i = 0; i < Elements.Length; i++)
        {
            var element = Elements[i];
            if (!Lists(material.Composition, element))
            {
                throw ErrorAt(compositionField, element,
                    $"model featuriser '{FeaturizerId}' needs the {element} content in wt% (write '{element}: 0' if there is none)");
            }

            x[3 + i] = material.Composition[element] * 100.0;
        }

        x[12] = ReductionRatio(material, mapping);
        for (var i = 0; i < Inclusions.Length; i++)
        {
            x[13 + i] = InclusionPercent(material, mapping, Inclusions[i]);
        }

        return x;
    }

    private static FeatureDescription[] BuildDescriptions()
    {
        var list = new List<FeatureDescription>
        {
            new("normalizing_temperature", "degC", "Normalized Temperature", "temperature of the process step 'normalizing'"),
            new("quenching_temperature", "degC", "Quenching Temperature", "temperature of the process step 'quenching'"),
            new("tempering_temperature", "degC", "Temperaing Temperature", "temperature of the process step 'tempering'"),
        };
        foreach (var e in Elements)
        {
            list.Add(new(e, "wt%", e, $"mass fraction of {e} in the composition"));
        }

        list.Add(new("reduction_ratio", "1", "RR", "hot-working reduction ratio: set-point 'reduction_ratio' of a process step"));
        foreach (var d in Inclusions)
        {
            list.Add(new($"inclusions_{d}", "%", d, $"area fraction of JIS G 0555 type {d[1..]} inclusions: attribute 'inclusions_{d}'"));
        }

        return [.. list];
    }

    private static bool Lists(CompositionDefinition composition, string element)
    {
        foreach (var (e, _) in composition.Fractions)
        {
            if (e == element)
            {
                return true;
            }
        }

        return false;
    }

    private static double StepTemperatureCelsius(MaterialDefinition material, YamlFieldMapping mapping, string[] names)
    {
        var index = -1;
        for (var i = 0; i < material.Process.Count; i++)
        {
            if (Array.Exists(names, n => string.Equals(n, material.Process[i].Name, StringComparison.OrdinalIgnoreCase)))
            {
                index = i;
            }
        }

        var canonical = names[0];
        if (index < 0)
        {
            throw ErrorAt(mapping.Self, "process",
                $"no '{canonical}' step; model featuriser '{FeaturizerId}' needs the {canonical} temperature, for example '- {{step: {canonical}, temperature: 600 degC}}'");
        }

        if (!material.Process[index].SetPoints.TryGetValue("temperature", out var t))
        {
            throw StepField(mapping, index).Error($"the '{material.Process[index].Name}' step has no 'temperature'; model featuriser '{FeaturizerId}' needs it");
        }

        if (t.Dimension != Dimension.Temperature)
        {
            throw StepField(mapping, index).Error("'temperature' must be a temperature such as 600 degC");
        }

        return t.In(Unit.Parse("degC"));
    }

    private static double ReductionRatio(MaterialDefinition material, YamlFieldMapping mapping)
    {
        const string key = "reduction_ratio";
        Quantity? found = null;
        var foundIndex = -1;
        for (var i = 0; i < material.Process.Count; i++)
        {
            if (material.Process[i].SetPoints.TryGetValue(key, out var q))
            {
                found = q;
                foundIndex = i;
            }
        }

        if (found is null && material.Attributes.TryGetValue(key, out var a))
        {
            found = a;
        }

        if (found is not { } rr)
        {
            throw ErrorAt(mapping.Self, "process",
                $"no '{key}' set-point; model featuriser '{FeaturizerId}' needs the hot-working reduction ratio, for example '- {{step: hot-working, {key}: 530}}'");
        }

        if (!rr.Dimension.IsDimensionless || rr.ValueSI < 1.0)
        {
            var where = foundIndex >= 0 ? StepField(mapping, foundIndex) : mapping.Required("attributes");
            throw where.Error($"'{key}' must be a pure number of at least 1 (cross-section before / after working), found {rr.ValueSI:G4}");
        }

        return rr.ValueSI;
    }

    private static double InclusionPercent(MaterialDefinition material, YamlFieldMapping mapping, string type)
    {
        var key = $"inclusions_{type}";
        if (!material.Attributes.TryGetValue(key, out var q))
        {
            var reason = $"model featuriser '{FeaturizerId}' needs the area fraction of type {type[1..]} inclusions, for example '{key}: 0.03 %' (0 % if none)";
            throw mapping.Optional("attributes") is { } attributes
                ? ErrorAt(attributes, key, reason)
                : ErrorAt(mapping.Self, $"attributes.{key}", reason);
        }

        if (!q.Dimension.IsDimensionless || q.ValueSI is < 0 or > 1)
        {
            throw mapping.Required("attributes").AsMapping().Required(key).Error($"'{key}' must be an area fraction such as 0.03 %");
        }

        return q.ValueSI * 100.0;
    }

    private static YamlField StepField(YamlFieldMapping mapping, int index) => mapping.Required("process").AsList()[index];

    /// <summary>An error at <paramref name="parent"/>.<paramref name="key"/>: at the key's own line when present, else at the parent.</summary>
    private static InputFileException ErrorAt(YamlField parent, string key, string reason)
    {
        if (parent.Node is YamlMapping && parent.AsMapping().Optional(key) is { } child)
        {
            return child.Error(reason);
        }

        var path = string.IsNullOrEmpty(parent.Path) ? key : $"{parent.Path}.{key}";
        return new InputFileException(parent.File, parent.Node.Line, parent.Node.Column, path, reason);
    }
}
