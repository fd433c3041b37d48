using TwinPlatform.Core;
using TwinPlatform.Materials.Features;

namespace TwinPlatform.Materials.Tests;

public sealed class NimsSteelFeaturizerTests
{
    private readonly NimsSteelFeaturizer _featurizer = new();

    [Fact]
    public void Featurize_BracketSteel_ReturnsDatasetUnitsInOrder()
    {
        var x = _featurizer.Featurize(TestScenes.Material());

        // The row of nims_fatigue.csv for this heat at 600 degC (line 185), in the data set's units:
        // temperatures in degC, composition in wt%, reduction ratio, inclusion area fractions in %.
        double[] expected = [870, 855, 600, 0.41, 0.24, 0.77, 0.014, 0.015, 0.04, 1.06, 0.05, 0.20, 530, 0.03, 0, 0];
        Assert.Equal(16, _featurizer.Features.Count);
        Assert.Equal(expected.Length, x.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - x[i]) < 1e-9, $"{_featurizer.Features[i].Name}: expected {expected[i]}, got {x[i]}");
        }
    }

    [Fact]
    public void Features_SourceColumns_MatchTheCsvHeader()
    {
        var header = File.ReadLines(Testing.RepoPaths.InSharedData("materials", "nims_fatigue.csv")).First().Split(',');
        foreach (var f in _featurizer.Features)
        {
            Assert.Contains(f.SourceColumn, header);
        }
    }

    [Fact]
    public void Featurize_NoTemperingStep_ThrowsNamingProcessField()
    {
        var material = TestScenes.Material(TestScenes.Edit("      - {step: tempering, temperature: 600 degC}\n", string.Empty));

        var e = Assert.Throws<InputFileException>(() => _featurizer.Featurize(material));

        Assert.Equal("scene.yaml", e.File);
        Assert.Equal("materials[0].process", e.Field);
        Assert.True(e.Line > 0);
        Assert.Contains("tempering", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Featurize_TemperingWithoutTemperature_ThrowsAtThatStep()
    {
        var material = TestScenes.Material(TestScenes.Edit("{step: tempering, temperature: 600 degC}", "{step: tempering, time: 2 h}"));

        var e = Assert.Throws<InputFileException>(() => _featurizer.Featurize(material));

        Assert.Equal("materials[0].process[2]", e.Field);
        Assert.Contains("temperature", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Featurize_ElementNotListed_ThrowsNamingTheElement()
    {
        var material = TestScenes.Material(TestScenes.Edit(" Ni: 0.04,", string.Empty));

        var e = Assert.Throws<InputFileException>(() => _featurizer.Featurize(material));

        Assert.Equal("materials[0].composition.Ni", e.Field);
        Assert.Equal(8, e.Line);
    }

    [Fact]
    public void Featurize_NoInclusionRating_ThrowsNamingTheAttribute()
    {
        var material = TestScenes.Material(TestScenes.Edit(", inclusions_dC: 0 %", string.Empty));

        var e = Assert.Throws<InputFileException>(() => _featurizer.Featurize(material));

        Assert.Equal("materials[0].attributes.inclusions_dC", e.Field);
        Assert.Equal(14, e.Line);
    }

    [Fact]
    public void Featurize_NoReductionRatio_ThrowsNamingProcess()
    {
        var material = TestScenes.Material(TestScenes.Edit("      - {step: hot-working, reduction_ratio: 530}\n", string.Empty));

        var e = Assert.Throws<InputFileException>(() => _featurizer.Featurize(material));

        Assert.Equal("materials[0].process", e.Field);
        Assert.Contains("reduction_ratio", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FeaturizerCatalog_KnownId_ReturnsNimsFeaturizer()
    {
        Assert.True(FeaturizerCatalog.TryGet(NimsSteelFeaturizer.FeaturizerId, out var f));
        Assert.IsType<NimsSteelFeaturizer>(f);
        Assert.False(FeaturizerCatalog.TryGet("no-such-featurizer", out _));
    }
}
