using TwinPlatform.Core;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Materials.Passports;

namespace TwinPlatform.Materials.Tests;

public sealed class MaterialPropertyServiceTests
{
    private static readonly Lazy<MaterialPassport> Bracket = new(() => new MaterialPropertyService().GetPassport(TestScenes.Material(), TestScenes.BracketDirectory));

    [Fact]
    public void GetPassport_BracketSteel_HasPredictedAndHandbookProperties()
    {
        var p = Bracket.Value;

        Assert.Equal("steel", p.MaterialId);
        Assert.Equal(
            [MaterialPropertyNames.FatigueStrength, MaterialPropertyNames.TensileStrength, MaterialPropertyNames.YoungsModulus, MaterialPropertyNames.PoissonsRatio],
            p.PropertyNames);
        Assert.Equal(ProvenanceKind.Prediction, p[MaterialPropertyNames.FatigueStrength].Provenance.Kind);
        Assert.Equal(ProvenanceKind.Handbook, p[MaterialPropertyNames.YoungsModulus].Provenance.Kind);
        Assert.Equal(205e9, p[MaterialPropertyNames.YoungsModulus].Value.Mean);
        Assert.Empty(p.Notes);
    }

    [Fact]
    public void ToJson_BracketPassport_RoundTripsEveryField()
    {
        var original = Bracket.Value;

        var json = original.ToJson();
        var parsed = MaterialPassport.FromJson(json);

        Assert.Contains("\"in_domain\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"unit\": \"Pa\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"prediction\"", json, StringComparison.Ordinal);
        Assert.Equal(original.MaterialId, parsed.MaterialId);
        Assert.Equal(original.Name, parsed.Name);
        Assert.Equal(original.PropertyNames, parsed.PropertyNames);
        foreach (var name in original.PropertyNames)
        {
            Assert.Equal(original[name], parsed[name]);
        }

        Assert.Equal(json, parsed.ToJson());
    }

    [Fact]
    public void ToJson_OutOfDomainPassport_KeepsFlagAndNote()
    {
        var material = TestScenes.Material(TestScenes.Edit("C: 0.41,", "C: 3,"));
        var passport = new MaterialPropertyService().GetPassport(material, TestScenes.BracketDirectory);

        var parsed = MaterialPassport.FromJson(passport.ToJson());

        Assert.False(parsed[MaterialPropertyNames.TensileStrength].InApplicabilityDomain);
        Assert.True(parsed[MaterialPropertyNames.YoungsModulus].InApplicabilityDomain);
        Assert.Contains(parsed.Notes, n => n.Contains("outside its applicability domain", StringComparison.Ordinal));
    }

    [Fact]
    public void GetPassport_UnknownElasticEntry_ThrowsNamingSceneField()
    {
        var material = TestScenes.Material(TestScenes.Edit("elastic: low-alloy-steel-qt", "elastic: unobtainium"));

        var e = Assert.Throws<InputFileException>(() => new MaterialPropertyService().GetPassport(material, TestScenes.BracketDirectory));

        Assert.Equal("scene.yaml", e.File);
        Assert.Equal("materials[0].properties.elastic", e.Field);
        Assert.Equal(17, e.Line);
        Assert.Contains("low-alloy-steel-qt", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPassport_MissingModelFolder_ThrowsNamingSceneField()
    {
        var material = TestScenes.Material(TestScenes.Edit("model: ../../models/nims-steel", "model: ../../models/no-such-model"));

        var e = Assert.Throws<InputFileException>(() => new MaterialPropertyService().GetPassport(material, TestScenes.BracketDirectory));

        Assert.Equal("materials[0].properties.model", e.Field);
        Assert.Equal(16, e.Line);
    }

    [Fact]
    public void GetPassport_UnknownPropertiesKey_ThrowsNamingIt()
    {
        var material = TestScenes.Material(TestScenes.Edit("elastic: low-alloy-steel-qt", "elastik: low-alloy-steel-qt"));

        var e = Assert.Throws<InputFileException>(() => new MaterialPropertyService().GetPassport(material, TestScenes.BracketDirectory));

        Assert.Equal("materials[0].properties.elastik", e.Field);
    }

    [Fact]
    public void GetPassport_ElasticOnly_HasNoPredictedProperties()
    {
        var material = TestScenes.Material(TestScenes.Edit("      model: ../../models/nims-steel\n", string.Empty));

        var p = new MaterialPropertyService().GetPassport(material, TestScenes.BracketDirectory);

        Assert.Equal([MaterialPropertyNames.YoungsModulus, MaterialPropertyNames.PoissonsRatio], p.PropertyNames);
        var e = Assert.Throws<KeyNotFoundException>(() => p[MaterialPropertyNames.FatigueStrength]);
        Assert.Contains("properties.model", e.Message, StringComparison.Ordinal);
    }
}
