using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Storage.Records;
using Xunit.Abstractions;

namespace TwinPlatform.Materials.Tests;

public sealed class RecordModelTests(ITestOutputHelper output)
{
    private static readonly Provenance Source = new(ProvenanceKind.Experiment, "synthetic", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Known answer: strength = 400 + 2000 x_Ni + 0.5 (T_temper - 800 K) MPa, exactly, on 120 synthetic
    /// Fe-Ni steels; the prediction at a new point inside the data must be within 15 MPa of the truth and
    /// its 90% interval must contain it.
    /// </summary>
    [Fact]
    public void Predict_SyntheticLinearLaw_KnownAnswerInsideInterval()
    {
        var rng = new Random(2);
        var samples = new List<RecordSample>();
        for (var i = 0; i < 120; i++)
        {
            var ni = 0.02 + (0.18 * rng.NextDouble());
            var t = 750 + (150 * rng.NextDouble());
            var record = Steel(ni, t, 0);
            var strength = 400 + (2000 * ni) + (0.5 * (t - 800));
            record = Steel(ni, t, strength);
            samples.Add(new RecordSample(record, record.Properties[0], strength, record.Id));
        }

        var model = RecordModel.Fit(samples, new RecordModelOptions
        {
            Features = RecordFeatureOptions.Parse("fractions,process"),
            Ensemble = new EnsembleOptions { Learner = EnsembleLearner.LightGbm, EnsembleSize = 8, NumberOfTrees = 200 },
            Blend = new BlendOptions(),
        });
        var query = Steel(0.1, 820, 0);
        var p = model.Predict([(query, (PropertyRecord?)null)])[0];
        var truth = 400 + 200 + 10.0;

        output.WriteLine($"predicted {p.Mean:F1} [{p.Lower:F1}, {p.Upper:F1}], truth {truth}; {model.Regressor.Description}");
        Assert.InRange(p.Mean, truth - 15, truth + 15);
        Assert.True(p.Covers(truth));
        Assert.True(model.CheckDomain(query).InDomain);
        Assert.False(model.CheckDomain(Steel(0.6, 820, 0)).InDomain);
    }

    /// <summary>
    /// Interval coverage on held-out data: NIMS fatigue strength, heats (same composition) split 2:1
    /// into training and held-out; the blend's 90% interval, calibrated on the training heats only,
    /// must cover 80-97% of the 120 or so held-out rows (binomial scatter of ~40 correlated heats).
    /// </summary>
    [Fact]
    public void Predict_NimsHeldOutHeats_CoverageNearNinetyPercent()
    {
        var set = new RecordSelection { Property = "fatigue_strength" }.Select(ImportPaths.Nims.Records);
        var fold = GroupedKFold.Assign(set.GroupNumbers(), 3, 17);
        var train = set.Samples.Where((_, i) => fold[i] != 0).ToList();
        var test = set.Samples.Where((_, i) => fold[i] == 0).ToList();

        var model = RecordModel.Fit(train, new RecordModelOptions
        {
            Features = RecordFeatureOptions.Parse("mass,process,attributes"),
            Ensemble = new EnsembleOptions { Learner = EnsembleLearner.LightGbm, EnsembleSize = 16 },
            Blend = new BlendOptions(),
        });
        var metrics = RegressionMetrics.Of(model.Predict(test), [.. test.Select(s => s.Target)]);

        output.WriteLine($"held out {metrics.Count}: MAE {metrics.MeanAbsoluteError:F1} MPa, R2 {metrics.RSquared:F3}, coverage {metrics.Coverage:F3}, width {metrics.MeanWidth:F1}");
        Assert.InRange(metrics.Coverage, 0.80, 0.97);
        Assert.InRange(metrics.RSquared, 0.8, 1.0);
        Assert.True(metrics.MeanAbsoluteError < 25);
    }

    /// <summary>
    /// Pipeline selection by inner cross-validation: strength depends on the tempering temperature, which only the pipeline with
    /// process features sees, so it must win whichever position it has among the candidates, with the lower inner MAE.
    /// </summary>
    [Fact]
    public void Fit_Alternatives_InnerCrossValidationPicksThePipelineThatSeesTheProcess()
    {
        var rng = new Random(4);
        var samples = new List<RecordSample>();
        for (var i = 0; i < 80; i++)
        {
            var ni = 0.02 + (0.18 * rng.NextDouble());
            var t = 700 + (300 * rng.NextDouble());
            var strength = 400 + (2000 * ni) + (2 * (t - 800));
            var record = Steel(ni, t, strength);
            samples.Add(new RecordSample(record, record.Properties[0], strength, record.Id));
        }

        var blind = new RecordModelOptions
        {
            Features = RecordFeatureOptions.Parse("fractions"),
            Ensemble = new EnsembleOptions { Learner = EnsembleLearner.LightGbm, EnsembleSize = 8, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 3 },
        };
        var seeing = blind with { Features = RecordFeatureOptions.Parse("fractions,process") };

        var first = RecordModel.Fit(samples, blind with { Alternatives = [seeing], SelectionFolds = 4 });
        var second = RecordModel.Fit(samples, seeing with { Alternatives = [blind], SelectionFolds = 4 });

        output.WriteLine($"inner MAE blind/seeing {first.SelectionMae[0]:F1} / {first.SelectionMae[1]:F1}");
        Assert.Equal(1, first.SelectedPipeline);
        Assert.Equal(0, second.SelectedPipeline);
        Assert.True(first.SelectionMae[1] < first.SelectionMae[0] / 2);
        Assert.Equal(first.SelectionMae, [.. second.SelectionMae.Reverse()]);
        Assert.True(first.Featurizer.Columns.Count > 2);
        Assert.Empty(RecordModel.Fit(samples, seeing).SelectionMae);
    }

    private static MaterialRecord Steel(double ni, double temperK, double strengthMPa) => new(
        new RawMaterial($"Fe-{ni:F4}Ni"),
        new RecordComposition(CompositionBasisKind.Atom, [new("Fe", 1 - ni), new("Ni", ni)]),
        [new ProcessStepRecord("tempering", [NamedValue.Of("temperature", new Quantity(temperK, Dimension.Temperature))])],
        [new PropertyRecord("yield_strength", Quantity.From(strengthMPa, "MPa"), [], SourceUnit: "MPa")],
        Source);
}
