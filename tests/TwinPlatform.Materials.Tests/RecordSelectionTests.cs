using TwinPlatform.Core.Lineage;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Tests;

public sealed class RecordSelectionTests
{
    [Fact]
    public void Select_Density_ExperimentalAndComputedKeptApart()
    {
        var records = ImportPaths.Mpea.Records;

        var measured = new RecordSelection { Property = "density" }.Select(records);
        var computed = new RecordSelection { Property = "density", Kinds = new HashSet<ProvenanceKind> { ProvenanceKind.Computation } }.Select(records);

        Assert.True(measured.Samples.Count < 200, "few MPEA rows have a measured density");
        Assert.True(computed.Samples.Count > 1000, "almost every MPEA row has a calculated density");
        Assert.Equal(computed.Samples.Count, measured.OtherKind);
        Assert.All(computed.Samples, s => Assert.Equal(ProvenanceKind.Computation, s.Record.ProvenanceOf(s.Property).Kind));
        Assert.Equal("g/cm^3", measured.Unit.Symbol);
    }

    [Fact]
    public void Select_RoomTemperatureFilter_KeepsOnlyRowsWithThatCondition()
    {
        var all = new RecordSelection { Property = "yield_strength" }.Select(ImportPaths.Mpea.Records);
        var room = new RecordSelection { Property = "yield_strength", Where = [ConditionFilter.Parse("test_temperature=15..30 degC")] }.Select(ImportPaths.Mpea.Records);

        Assert.True(room.Samples.Count < all.Samples.Count);
        Assert.All(room.Samples, s => Assert.InRange(s.Property.Condition("test_temperature")!.Quantity!.Value.ValueSI, 288.15 - 1e-9, 303.15 + 1e-9));
        Assert.Equal("MPa", room.Unit.Symbol);
        Assert.InRange(room.Samples.Average(s => s.Target), 100, 3000);
    }

    [Theory]
    [InlineData("test_temperature=15..30 degC", 288.15, 303.15, null)]
    [InlineData("test_temperature<=100 degC", null, 373.15, null)]
    [InlineData("test_temperature>=500K", 500.0, null, null)]
    [InlineData("test_type=tension", null, null, "tension")]
    public void ConditionFilter_Parse_Bounds(string text, double? lo, double? hi, string? word)
    {
        var f = ConditionFilter.Parse(text);

        Assert.Equal(lo is null, f.Minimum is null);
        Assert.Equal(hi is null, f.Maximum is null);
        if (lo is { } l)
        {
            Assert.Equal(l, f.Minimum!.Value, 9);
        }

        if (hi is { } h)
        {
            Assert.Equal(h, f.Maximum!.Value, 9);
        }

        Assert.Equal(word, f.Text);
    }

    [Fact]
    public void Featurizer_Nims_ProcessAndCompositionColumnsFilledBelowRange()
    {
        var samples = new RecordSelection { Property = "fatigue_strength" }.Select(ImportPaths.Nims.Records).Samples;
        var featurizer = RecordFeaturizer.Fit([.. samples.Select(s => (s.Record, (PropertyRecord?)s.Property))], RecordFeatureOptions.Parse("mass,process,attributes"));
        var names = featurizer.Features.Select(f => f.Name).ToArray();

        Assert.Contains("w_C", names);
        Assert.Contains("tempering.temperature", names);
        Assert.Contains("inclusions_dA", names);
        Assert.DoesNotContain("step:tempering", names);   // every steel was tempered: constant, dropped
        var x = featurizer.Featurize(samples[0].Record, samples[0].Property);
        Assert.Equal(823.15, x[Array.IndexOf(names, "tempering.temperature")], 9);
        Assert.Equal(0.0035, x[Array.IndexOf(names, "w_C")], 12);

        // A record without the tempering step gets the fill value, below every training value.
        var bare = new MaterialRecord(samples[0].Record.Raw, samples[0].Record.Composition, [], [], samples[0].Record.Provenance);
        var y = featurizer.Featurize(bare);
        var t = Array.IndexOf(names, "tempering.temperature");
        Assert.True(y[t] < 823.15 - 100);
    }

    [Fact]
    public void Featurizer_Mpea_ConditionsAndCategories()
    {
        var samples = new RecordSelection { Property = "yield_strength" }.Select(ImportPaths.Mpea.Records).Samples;

        var featurizer = RecordFeaturizer.Fit([.. samples.Select(s => (s.Record, (PropertyRecord?)s.Property))], RecordFeatureOptions.All);
        var names = featurizer.Features.Select(f => f.Name).ToList();

        Assert.Contains("test_temperature", names);
        Assert.Contains("test_type=tension", names);
        Assert.Contains("step:casting", names);
        Assert.Contains("mean_electronegativity", names);
        Assert.Contains("mixing_entropy", names);
        Assert.Contains("x_Hf", names);
    }
}
