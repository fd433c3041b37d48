using TwinPlatform.Core.Scenes;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// Turns a run's calibrated in-service evidence into material records: the material as the scene
/// defines it (composition, process), with the calibrated property and provenance
/// <c>in-service</c>, linked to the component and run it came from.
/// </summary>
public static class InServiceRecords
{
    /// <summary>One record per piece of evidence.</summary>
    /// <param name="scene">The scene that ran.</param>
    /// <param name="evidence">Evidence by <c>material/component</c> key, as <see cref="SceneRunResult.InService"/> holds it.</param>
    /// <param name="runId">The run's id in the twin store.</param>
    public static IReadOnlyList<MaterialRecord> From(SceneDefinition scene, IReadOnlyDictionary<string, MaterialPassport> evidence, string runId)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(evidence);
        var records = new List<MaterialRecord>();
        foreach (var (key, passport) in evidence)
        {
            var material = scene.Materials.First(m => m.Id == passport.MaterialId);
            var component = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var properties = new List<PropertyRecord>();
            Core.Lineage.Provenance? provenance = null;
            foreach (var (name, value) in passport.Properties)
            {
                provenance ??= value.Provenance;
                properties.Add(new PropertyRecord(
                    name,
                    value.Mean,
                    [NamedValue.OfText("component", component), NamedValue.OfText("run", runId)],
                    Specimen: $"component {component} in scene {scene.Name}",
                    Method: value.Provenance.Method,
                    Statistics: new PropertyStatistics(StandardDeviation: value.Value.StandardDeviation, Minimum: value.Value.Lower, Maximum: value.Value.Upper)));
            }

            if (provenance is null)
            {
                continue;
            }

            var basis = material.Composition.Basis switch
            {
                CompositionBasis.Atom => CompositionBasisKind.Atom,
                _ => CompositionBasisKind.Mass,
            };
            var composition = new RecordComposition(basis, [.. material.Composition.Fractions.Select(f => new Constituent(f.Key, f.Value))], material.Composition.Balance);
            var process = material.Process.Select(p => new ProcessStepRecord(p.Name, [.. p.SetPoints.Select(s => NamedValue.Of(s.Key, s.Value))], p.Equipment)).ToList();
            records.Add(new MaterialRecord(
                new RawMaterial(material.Name, material.Class.Length > 0 ? material.Class : null),
                composition,
                process,
                properties,
                provenance,
                lineage: [new LineageLink($"scene:{scene.Name}/{component}", "calibrated in service on"), new LineageLink($"run:{runId}", "evidence from run")]));
        }

        return records;
    }
}
