using System.Text.Json;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage.Tests;

public sealed class MaterialRecordJsonTests
{
    [Fact]
    public void Serialize_Deserialize_RoundTripsContentAndId()
    {
        var original = TestRecords.Alloy().WithLineage([new LineageLink("model:nims-steel", "predicted-by")]);

        var json = MaterialRecordJson.Serialize(original);
        var parsed = MaterialRecordJson.Deserialize(json);

        Assert.Equal(original.Id, parsed.Id);
        Assert.Equal(json, MaterialRecordJson.Serialize(parsed));
        Assert.Equal(ProvenanceKind.Computation, parsed.ProvenanceOf(parsed.Properties[1]).Kind);
        Assert.Equal("compression", parsed.Properties[0].Condition("test_type")!.Text);
        Assert.Equal(298.15, parsed.Properties[0].Condition("test_temperature")!.Quantity!.Value.ValueSI, 9);
        Assert.Equal(3, parsed.Properties[0].Statistics!.Count);
        Assert.Single(parsed.Lineage);
    }

    [Fact]
    public void Deserialize_IdNotMatchingContent_Throws()
    {
        var json = MaterialRecordJson.Serialize(TestRecords.Alloy()).Replace("346000000", "999000000", StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() => MaterialRecordJson.Deserialize(json));

        Assert.Contains("does not match its content", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Property-style round trip: 200 random records (seeded) survive JSON with their ids.</summary>
    [Fact]
    public void Serialize_RandomRecords_RoundTrip()
    {
        var rng = new Random(11);
        string[] elements = ["Fe", "C", "Mn", "Cr", "Ni", "Mo", "Al", "Ti"];
        for (var k = 0; k < 200; k++)
        {
            var n = 1 + rng.Next(elements.Length);
            var raw = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
            var sum = raw.Sum();
            var composition = new RecordComposition(rng.Next(2) == 0 ? CompositionBasisKind.Mass : CompositionBasisKind.Atom,
                [.. Enumerable.Range(0, n).Select(i => new Constituent(elements[i], raw[i] / sum))]);
            var property = new PropertyRecord("p" + rng.Next(5), new Quantity((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 12)), Dimension.Pressure),
                rng.Next(2) == 0 ? [] : [NamedValue.Of("test_temperature", new Quantity(200 + (1000 * rng.NextDouble()), Dimension.Temperature))]);
            var record = new MaterialRecord(new RawMaterial("r" + k), composition, [], [property], TestRecords.Experiment);

            var parsed = MaterialRecordJson.Deserialize(MaterialRecordJson.Serialize(record));

            Assert.Equal(record.Id, parsed.Id);
            Assert.Equal(record.Properties[0].Value, parsed.Properties[0].Value);
        }
    }
}
