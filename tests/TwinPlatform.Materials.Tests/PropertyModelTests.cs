using TwinPlatform.Core.Lineage;
using TwinPlatform.Materials.Data;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Testing;

namespace TwinPlatform.Materials.Tests;

public sealed class PropertyModelTests
{
    private static readonly Lazy<PropertyModel> Committed = new(() => PropertyModel.Load(TestScenes.ModelFolder));

    /// <summary>
    /// The bracket heat (C 0.41, Cr 1.06, Mo 0.2, RR 530) was held out of training; at 600 degC tempering
    /// the NIMS data give 551 MPa fatigue strength and 1030 MPa tensile strength. The committed model
    /// must come within 15% and give a finite, ordered interval.
    /// </summary>
    [Fact]
    public void Predict_HeldOutHeatAt600_WithinFifteenPercentOfMeasured()
    {
        var result = Committed.Value.Predict(TestScenes.Material());

        var fatigue = result[MaterialPropertyNames.FatigueStrength];
        var tensile = result[MaterialPropertyNames.TensileStrength];
        Assert.InRange(fatigue.Value.Mean, 551e6 * 0.85, 551e6 * 1.15);
        Assert.InRange(tensile.Value.Mean, 1030e6 * 0.85, 1030e6 * 1.15);
        foreach (var q in new[] { fatigue, tensile })
        {
            Assert.True(double.IsFinite(q.Value.Lower) && double.IsFinite(q.Value.Upper));
            Assert.True(q.Value.Lower < q.Value.Mean && q.Value.Mean < q.Value.Upper);
            Assert.True(q.Value.StandardDeviation > 0);
            Assert.Equal(0.90, q.Value.Level);
            Assert.Equal(Core.Units.Dimension.Pressure, q.Dimension);
            Assert.True(q.InApplicabilityDomain);
        }
    }

    [Fact]
    public void Predict_Any_CarriesPredictionProvenanceWithCitationAndHoldout()
    {
        var q = Committed.Value.Predict(TestScenes.Material())[MaterialPropertyNames.FatigueStrength];

        Assert.Equal(ProvenanceKind.Prediction, q.Provenance.Kind);
        Assert.Contains("nims-steel", q.Provenance.Source, StringComparison.Ordinal);
        Assert.Contains("Xiong", q.Provenance.Data, StringComparison.Ordinal);
        Assert.Contains("nims_fatigue.csv", q.Provenance.Data, StringComparison.Ordinal);
        Assert.Contains("C=0.41", q.Provenance.Data, StringComparison.Ordinal);
        Assert.Contains("trained on experiment values only", q.Provenance.Data, StringComparison.Ordinal);
        Assert.Equal(Committed.Value.Manifest.Trained, q.Provenance.Date);
    }

    [Fact]
    public void Manifest_Committed_RecordsHoldoutAndCalibratedCrossValidation()
    {
        var m = Committed.Value.Manifest;

        Assert.Equal(357, m.Data.Rows);
        Assert.Equal(3, m.Data.Holdout!.Rows);
        Assert.Equal(16, m.Features.Count);
        Assert.All(m.Properties, p => Assert.InRange(p.CrossValidation!.Coverage, 0.85, 0.95));
    }

    [Fact]
    public void CheckDomain_ThreePercentCarbon_FlipsToOutOfDomain()
    {
        var absurd = TestScenes.Material(TestScenes.Edit("C: 0.41,", "C: 3,"));

        var normal = Committed.Value.CheckDomain(TestScenes.Material());
        var check = Committed.Value.CheckDomain(absurd);
        var predicted = Committed.Value.Predict(absurd);

        Assert.True(normal.InDomain, normal.Reason);
        Assert.False(check.InDomain);
        Assert.Contains("C = 3 wt%", check.Reason, StringComparison.Ordinal);
        Assert.True(check.Distance > check.Threshold);
        Assert.All(predicted.Values, q => Assert.False(q.InApplicabilityDomain));
    }

    [Fact]
    public void CheckDomain_TemperingBelowTrainingRange_IsOutOfDomain()
    {
        var lowTemper = TestScenes.Material(TestScenes.Edit("{step: tempering, temperature: 600 degC}", "{step: tempering, temperature: 200 degC}"));

        var check = Committed.Value.CheckDomain(lowTemper);

        Assert.False(check.InDomain);
        Assert.Contains("tempering_temperature", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoSuchFolder_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => PropertyModel.Load(Testing.RepoPaths.NewTempFolder("nomodel")));
    }

    [Fact]
    public void Train_WritesTheTrainingValuesKindsIntoManifestAndProvenance()
    {
        // A small model (8 members of 20 trees, no cross-validation): what matters is the manifest.
        var data = NimsFatigueData.Load(RepoPaths.InSharedData("materials", "nims_fatigue.csv"));
        var model = PropertyModelTrainer.Train(data, new PropertyModelTrainingOptions
        {
            Id = "kinds-test",
            Description = "test",
            Featurizer = NimsSteelFeaturizer.FeaturizerId,
            DataFile = "nims_fatigue.csv",
            Citation = NimsFatigueData.Citation,
            DataKinds = ["experiment"],
            Grouping = "heat",
            Trained = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
            Ensemble = new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 20 },
            Folds = 0,
        });

        Assert.Equal(["experiment"], model.Manifest.Data.Kinds);
        Assert.Contains("trained on experiment values only", model.Provenance.Data, StringComparison.Ordinal);
    }
}
