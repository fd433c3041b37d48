using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>Turns a design candidate into a material passport (SI distributions with prediction provenance) that a scene can read.</summary>
public static class DesignPassport
{
    /// <summary>
    /// The passport of a candidate designed on a committed <see cref="PropertyModel"/>: every property the
    /// model predicts, with the model's provenance and domain flag.
    /// </summary>
    public static MaterialPassport Create(PropertyModel model, DesignResult result, DesignCandidate candidate, string materialId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(candidate);
        var predicted = model.Predict(candidate.Variables);
        return new MaterialPassport(materialId, $"designed candidate ({result.Spec.Summary})",
            model.Properties.Select(p => new KeyValuePair<string, UncertainQuantity>(p, predicted[p])), Notes(result, candidate));
    }

    /// <summary>The passport of a candidate.</summary>
    /// <param name="result">The design result the candidate belongs to (for units and the model source).</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="materialId">Material id for the passport.</param>
    /// <param name="provenance">Provenance of the predictions (the model's); its kind should be <see cref="ProvenanceKind.Prediction"/>.</param>
    public static MaterialPassport Create(DesignResult result, DesignCandidate candidate, string materialId, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(provenance);
        var properties = new List<KeyValuePair<string, UncertainQuantity>>();
        foreach (var (name, p) in candidate.Predictions)
        {
            var unit = Unit.Parse(result.Units[name]);
            var value = new UncertainValue(unit.ToSI(p.Mean), p.EquivalentStandardDeviation * unit.Scale, unit.ToSI(p.Lower), unit.ToSI(p.Upper), p.Level);
            properties.Add(new(name, new UncertainQuantity(value, unit.Dimension, provenance, InApplicabilityDomain: true)));
        }

        return new MaterialPassport(materialId, $"designed candidate ({result.Spec.Summary})", properties, Notes(result, candidate));
    }

    private static string[] Notes(DesignResult result, DesignCandidate candidate)
    {
        var design = string.Join(", ", result.Variables.Select((v, j) => FormattableString.Invariant($"{v.Name} {candidate.Variables[j]:G4}{(v.Unit == "1" ? string.Empty : " " + v.Unit)}")));
        return [$"inverse design candidate: {design}", FormattableString.Invariant($"joint probability of meeting the goals {candidate.JointProbability:F3}; Mahalanobis distance {candidate.DomainDistance:F2}")];
    }
}
