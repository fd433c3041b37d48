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
    public void QuantileOf_TwentyScores_TakesTheCeilRank()
    {
        var scores = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();

        // ceil((20 + 1) * 0.9) = 19th smallest.
        Assert.Equal(19, ConformalCalibration.QuantileOf(scores, 0.9));
        Assert.Equal(20, ConformalCalibration.QuantileOf(scores, 0.99));
    }
}
