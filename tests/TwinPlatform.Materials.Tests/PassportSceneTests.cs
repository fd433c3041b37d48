using TwinPlatform.Core;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Testing;

namespace TwinPlatform.Materials.Tests;

public sealed class PassportSceneTests
{
    private static readonly Provenance Measured = new(ProvenanceKind.Experiment, "resonance test", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), Method: "impulse excitation");

    private static readonly Provenance Predicted = new(ProvenanceKind.Prediction, "model test", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), Method: "test");

    /// <summary>A scene material with <c>properties: {passport: file}</c> gets the file's properties; changing the file changes them.</summary>
    [Fact]
    public void GetPassport_PassportFileChanged_ReturnedPropertiesChange()
    {
        var dir = RepoPaths.NewTempFolder("passport-scene");
        var file = Path.Combine(dir, "designed.json");
        File.WriteAllText(file, Passport(fatigueMPa: 600).ToJson());
        var material = TestScenes.Material(TestScenes.Edit("model: ../../models/nims-steel", "passport: designed.json"));
        var service = new MaterialPropertyService();

        var before = service.GetPassport(material, dir);
        File.WriteAllText(file, Passport(fatigueMPa: 650).ToJson());
        var after = service.GetPassport(material, dir);

        Assert.Equal(600e6, before[MaterialPropertyNames.FatigueStrength].Value.Mean, 3);
        Assert.Equal(650e6, after[MaterialPropertyNames.FatigueStrength].Value.Mean, 3);
        Assert.Equal("steel", after.MaterialId);
        Assert.Equal(ProvenanceKind.Prediction, after[MaterialPropertyNames.FatigueStrength].Provenance.Kind);
        Assert.Equal(205e9, after[MaterialPropertyNames.YoungsModulus].Value.Mean);
        Assert.Contains(after.Notes, n => n.Contains("from passport designed.json", StringComparison.Ordinal));
    }

    /// <summary>
    /// The elastic constants the finite-element model is built with can come from a passport too (no
    /// <c>elastic</c> entry): a stiffer passport gives the scene a stiffer material.
    /// </summary>
    [Fact]
    public void GetPassport_PassportGivesElasticConstants_ChangedFileChangesTheModulus()
    {
        var dir = RepoPaths.NewTempFolder("passport-scene");
        var file = Path.Combine(dir, "elastic.json");
        var text = TestScenes.Edit("elastic: low-alloy-steel-qt", "passport: elastic.json")
            .Replace("model: ../../models/nims-steel", "model: " + TestScenes.ModelFolder, StringComparison.Ordinal);
        var material = TestScenes.Material(text);
        var service = new MaterialPropertyService();

        File.WriteAllText(file, Elastic(youngsModulusGPa: 205).ToJson());
        var before = service.GetPassport(material, dir);
        File.WriteAllText(file, Elastic(youngsModulusGPa: 190).ToJson());
        var after = service.GetPassport(material, dir);

        Assert.Equal(205e9, before[MaterialPropertyNames.YoungsModulus].Value.Mean, 3);
        Assert.Equal(190e9, after[MaterialPropertyNames.YoungsModulus].Value.Mean, 3);
        Assert.Equal(0.29, after[MaterialPropertyNames.PoissonsRatio].Value.Mean, 12);
        Assert.Equal(before[MaterialPropertyNames.FatigueStrength].Value.Mean, after[MaterialPropertyNames.FatigueStrength].Value.Mean);
    }

    [Fact]
    public void GetPassport_PropertyFromModelAndPassport_ThrowsNamingThePassportField()
    {
        var dir = RepoPaths.NewTempFolder("passport-scene");
        File.WriteAllText(Path.Combine(dir, "p.json"), Passport(600).ToJson());
        var text = TestScenes.Edit("elastic: low-alloy-steel-qt", "passport: p.json")
            .Replace("model: ../../models/nims-steel", "model: " + TestScenes.ModelFolder, StringComparison.Ordinal);
        var material = TestScenes.Material(text);

        var e = Assert.Throws<InputFileException>(() => new MaterialPropertyService().GetPassport(material, dir));

        Assert.Equal("materials[0].properties.passport", e.Field);
        Assert.Contains("already predicts", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPassport_MissingPassportFile_ThrowsNamingTheField()
    {
        var material = TestScenes.Material(TestScenes.Edit("model: ../../models/nims-steel", "passport: nowhere.json"));

        var e = Assert.Throws<InputFileException>(() => new MaterialPropertyService().GetPassport(material, RepoPaths.NewTempFolder("passport-scene")));

        Assert.Equal("materials[0].properties.passport", e.Field);
        Assert.Equal(16, e.Line);
    }

    private static MaterialPassport Elastic(double youngsModulusGPa) => new("elastic-1", "measured elastic constants",
    [
        new(MaterialPropertyNames.YoungsModulus, new UncertainQuantity(UncertainValue.Normal(youngsModulusGPa * 1e9, 2e9), Dimension.Pressure, Measured)),
        new(MaterialPropertyNames.PoissonsRatio, new UncertainQuantity(UncertainValue.Normal(0.29, 0.005), Dimension.Dimensionless, Measured)),
    ]);

    private static MaterialPassport Passport(double fatigueMPa) => new("designed-1", "designed steel",
    [
        new(MaterialPropertyNames.FatigueStrength, new UncertainQuantity(UncertainValue.Normal(fatigueMPa * 1e6, 20e6), Dimension.Pressure, Predicted)),
    ]);
}
