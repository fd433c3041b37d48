using TwinPlatform.Materials.Data;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Testing;
using Xunit.Abstractions;

namespace TwinPlatform.Materials.Tests;

public sealed class ConformalEnsembleRegressorTests(ITestOutputHelper output)
{
    private static MaterialDataset Data => NimsFatigueData.Load(RepoPaths.InSharedData("materials", "nims_fatigue.csv"));

    /// <summary>
    /// Grouped 3-fold cross-validation of the fatigue strength (each fold: ensemble and calibration
    /// fitted on the other two thirds of the heats): the pooled coverage of the nominal 90% interval
    /// over all 360 held-out rows must lie in [0.80, 0.97]. The band allows for the binomial scatter of
    /// 120 correlated heats (about ±0.04) and for the smaller ensemble used here to keep the test fast.
    /// </summary>
    [Fact]
    public void Predict_GroupedHeldOutHeats_NinetyPercentIntervalCoversBetween80And97Percent()
    {
        var options = new EnsembleOptions { EnsembleSize = 16, Seed = 5 };

        var cv = GroupedCrossValidation.Run(Data, MaterialPropertyNames.FatigueStrength, options, folds: 3, seed: 3);

        output.WriteLine($"grouped 3-fold: coverage {cv.Metrics.Coverage:F3}, width {cv.Metrics.MeanWidth:F1} MPa, R2 {cv.Metrics.RSquared:F3}");
        Assert.Equal(360, cv.Metrics.Count);
        Assert.InRange(cv.Metrics.Coverage, 0.80, 0.97);
        Assert.InRange(cv.Metrics.RSquared, 0.8, 1.0);
        Assert.All(cv.Predictions, p => Assert.True(p.Lower < p.Mean && p.Mean < p.Upper && double.IsFinite(p.Width)));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalPredictions()
    {
        var data = Data;
        var rows = Enumerable.Range(0, 120).ToArray();
        var part = data.Subset(rows);
        var model = ConformalEnsembleRegressor.Fit(part.Rows, part.Target(MaterialPropertyNames.TensileStrength), part.Groups,
            new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 20, Seed = 1 });

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ConformalEnsembleRegressor.Load(stream, model.FeatureCount, model.EnsembleSize, model.Calibration);

        Assert.Equal(model.Predict(data.Rows[200]), loaded.Predict(data.Rows[200]));
    }

    [Fact]
    public void Fit_SameSeed_SamePredictions()
    {
        var data = Data.Subset(Enumerable.Range(0, 90).ToArray());
        var options = new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 20, Seed = 42 };
        var y = data.Target(MaterialPropertyNames.FatigueStrength);

        var a = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, options);
        var b = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, options with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(a.Calibration, b.Calibration);
        Assert.Equal(a.Predict(data.Rows[0]), b.Predict(data.Rows[0]));
    }

    [Fact]
    public void Predict_MedianAggregation_IsTheMedianOfTheMembersAndTheSpreadTheirSd()
    {
        var data = Data.Subset(Enumerable.Range(0, 90).ToArray());
        var y = data.Target(MaterialPropertyNames.FatigueStrength);
        var model = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups,
            new EnsembleOptions { EnsembleSize = 9, NumberOfTrees = 20, Seed = 7, Aggregation = EnsembleAggregation.Median });
        var query = Data.Rows[200];

        var members = model.MemberPredictions([query]).Select(m => (double)m[0]).Order().ToArray();
        var mean = members.Average();
        var sd = Math.Sqrt(members.Sum(v => (v - mean) * (v - mean)) / (members.Length - 1));
        var p = model.Predict(query);

        Assert.Equal(members[4], p.Mean);
        Assert.Equal(sd, p.Spread, 9);
        Assert.Equal(p.Mean - p.Lower, p.Upper - p.Mean, 9);
        Assert.Contains("Median", model.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveLoad_MedianAggregation_LoadedModelKeepsTheMedian()
    {
        var data = Data.Subset(Enumerable.Range(0, 90).ToArray());
        var options = new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 20, Seed = 3, Aggregation = EnsembleAggregation.Median };
        var model = ConformalEnsembleRegressor.Fit(data.Rows, data.Target(MaterialPropertyNames.TensileStrength), data.Groups, options);

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ConformalEnsembleRegressor.Load(stream, model.FeatureCount, model.EnsembleSize, model.Calibration, options.Aggregation);

        Assert.Equal(model.Predict(Data.Rows[200]), loaded.Predict(Data.Rows[200]));
    }

    [Fact]
    public void Fit_DartBooster_DeterministicAndNotTheGradientBooster()
    {
        var data = Data.Subset(Enumerable.Range(0, 90).ToArray());
        var y = data.Target(MaterialPropertyNames.FatigueStrength);
        var gradient = new EnsembleOptions { Learner = EnsembleLearner.LightGbm, EnsembleSize = 8, NumberOfTrees = 50, Seed = 11 };
        var dart = gradient with { Booster = LightGbmBooster.Dart };

        var a = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, dart);
        var b = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, dart with { MaxDegreeOfParallelism = 1 });
        var g = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, gradient);
        var query = Data.Rows[200];

        Assert.Equal(a.Predict(query), b.Predict(query));
        Assert.NotEqual(g.Predict(query).Mean, a.Predict(query).Mean);
        Assert.InRange(a.Predict(query).Mean, y.Min() - 100, y.Max() + 100);
        Assert.Contains("Dart", a.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void HuberWeights_ResidualsBeyondTheRobustScale_WeighInverselyToTheirSize()
    {
        // |r| = 0, 1, 2, 3, 4, 40: median (the upper middle) 3, threshold 1.345 * 1.4826 * 3 = 5.9822.
        var targets = new double[] { 10, 11, 12, 13, 14, 50, 7 };
        var outOfBag = new (double Mean, double Spread)[] { (10, 1), (10, 1), (10, 1), (10, 1), (10, 1), (10, 1), (double.NaN, double.NaN) };

        var w = ConformalEnsembleRegressor.HuberWeights(outOfBag, targets);

        var threshold = 1.345 * 1.4826 * 3;
        Assert.Equal([1, 1, 1, 1, 1, threshold / 40, 1], w);
    }

    [Fact]
    public void Fit_HuberRefit_AContradictedRowPullsItsPredictionLess()
    {
        // One row's target is raised by 1500 MPa: the plain members fit it partly; the refit weighs it by its
        // large out-of-bag residual and predicts it nearer its true value.
        var data = Data.Subset(Enumerable.Range(0, 90).ToArray());
        var clean = data.Target(MaterialPropertyNames.FatigueStrength);
        var y = clean.ToArray();
        y[10] += 1500;
        var plain = new EnsembleOptions { EnsembleSize = 16, CrossFitFolds = 8, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 2, Seed = 4 };

        var a = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, plain);
        var b = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, plain with { HuberRefit = true });
        var c = ConformalEnsembleRegressor.Fit(data.Rows, y, data.Groups, plain with { HuberRefit = true, MaxDegreeOfParallelism = 1 });

        var errorPlain = Math.Abs(a.Predict(data.Rows[10]).Mean - clean[10]);
        var errorRefit = Math.Abs(b.Predict(data.Rows[10]).Mean - clean[10]);
        output.WriteLine($"row 10: plain error {errorPlain:F1} MPa, refit error {errorRefit:F1} MPa");
        Assert.True(errorRefit < 0.75 * errorPlain, $"refit {errorRefit:F1} against plain {errorPlain:F1}");
        Assert.Equal(b.Predict(data.Rows[3]), c.Predict(data.Rows[3]));
    }

    [Fact]
    public void QuantileOf_TwentyScores_TakesTheCeilRank()
    {
        var scores = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();

        // ceil((20 + 1) * 0.9) = 19th smallest.
        Assert.Equal(19, ConformalCalibration.QuantileOf(scores, 0.9));
        Assert.Equal(20, ConformalCalibration.QuantileOf(scores, 0.99));
    }
}
