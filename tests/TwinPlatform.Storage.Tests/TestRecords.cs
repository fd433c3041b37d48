using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage.Tests;

/// <summary>Records for the storage tests.</summary>
internal static class TestRecords
{
    public static readonly Provenance Experiment = new(ProvenanceKind.Experiment, "doi:10.1016/j.jallcom.2009.08.090", new DateTimeOffset(2009, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Author: "C.-C. Tung", Institution: "NTHU");

    /// <summary>An alloy with an experimental yield strength (with conditions) and a computed density.</summary>
    public static MaterialRecord Alloy(double yieldMPa = 346, AccessLevel access = AccessLevel.Public, string name = "Al0.5 Co1 Fe1 Ni1") => new(
        new RawMaterial(name, "multi-principal-element alloy", Formula: name),
        new RecordComposition(CompositionBasisKind.Atom, [new("Al", 0.5 / 3.5), new("Co", 1 / 3.5), new("Fe", 1 / 3.5), new("Ni", 1 / 3.5)]),
        [new ProcessStepRecord("casting", [], "arc melter"), new ProcessStepRecord("annealing", [NamedValue.Of("temperature", Quantity.From(1100, "degC")), NamedValue.Of("time", Quantity.From(24, "h"))])],
        [
            new PropertyRecord("yield_strength", Quantity.From(yieldMPa, "MPa"),
                [NamedValue.Of("test_temperature", Quantity.From(25, "degC")), NamedValue.OfText("test_type", "compression")],
                Specimen: "cylinder 5 x 10 mm", Method: "compression test", Statistics: new PropertyStatistics(Quantity.From(12, "MPa").ValueSI, 3), SourceUnit: "MPa"),
            new PropertyRecord("density", Quantity.From(7.4, "g/cm^3"), [], Method: "rule of mixtures",
                Provenance: Experiment with { Kind = ProvenanceKind.Computation }, SourceUnit: "g/cm^3"),
        ],
        Experiment,
        [NamedValue.OfText("phases", "FCC+BCC"), NamedValue.Of("grain_size", Quantity.From(50, "um"))],
        access,
        origin: new RecordOrigin("MPEA_dataset.csv", 3));
}
