using TwinPlatform.Materials.Prediction;
using Xunit.Abstractions;

namespace TwinPlatform.Materials.Tests;

public sealed class ExtraTreesRegressorTests(ITestOutputHelper output)
{
    private static readonly EnsembleOptions Options = new() { Learner = EnsembleLearner.ExtraTrees, EnsembleSize = 256, CrossFitFolds = 8, MinimumExampleCountPerLeaf = 1, FeatureFraction = 1, Seed = 7 };

    /// <summary>Rows x uniform on [0,1]^3, y = 100 sin(2 pi x0) + 50 x1 (x2 carries nothing) plus Gaussian noise of sd <paramref name="noise"/>.</summary>
    private static (double[][] X, double[] Y) Smooth(int n, double noise, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n][];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble()];
            var u1 = 1 - rng.NextDouble();
            var u2 = rng.NextDouble();
            var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            y[i] = (100 * Math.Sin(2 * Math.PI * x[i][0])) + (50 * x[i][1]) + (noise * z);
        }

        return (x, y);
    }

    private static int[] Own(int n) => [.. Enumerable.Range(0, n)];

    [Fact]
    public void Grow_MinimumLeafOne_ReproducesEveryDistinctTrainingRow()
    {
        var (x, y) = Smooth(200, 10, 1);

        var tree = ExtraTree.Grow(x, y, Own(200), minimumLeaf: 1, candidates: 3, new Random(3));

        // Fully grown on distinct rows: every leaf holds one row, so the tree interpolates its training data.
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(y[i], tree.Predict(x[i]), 9);
        }

        Assert.Equal(399, tree.NodeCount);
    }

    [Fact]
    public void Grow_MinimumLeafFive_NoLeafHoldsFewerRows()
    {
        var (x, y) = Smooth(200, 10, 2);

        var tree = ExtraTree.Grow(x, y, Own(200), minimumLeaf: 5, candidates: 3, new Random(3));

        var perLeaf = x.Select(tree.Predict).GroupBy(v => v).Select(g => g.Count()).ToArray();
        output.WriteLine($"{perLeaf.Length} leaves, {perLeaf.Min()} to {perLeaf.Max()} rows");
        Assert.All(perLeaf, c => Assert.True(c >= 5));
        Assert.True(perLeaf.Length >= 15, $"only {perLeaf.Length} leaves");
    }

    /// <summary>
    /// Known answer: the noise-free step y = 10 [x0 &gt; 0.5] beside an irrelevant feature. Far from the step every tree
    /// agrees on 0 or 10; the spread is zero there and the interval collapses to the offset.
    /// </summary>
    [Fact]
    public void Predict_Step_FarFromTheStepGivesTheStepValue()
    {
        var rng = new Random(4);
        var x = Enumerable.Range(0, 300).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(r => r[0] > 0.5 ? 10.0 : 0.0).ToArray();

        var model = ExtraTreesRegressor.Fit(x, y, Own(300), Options);
        var p = model.Predict([[0.1, 0.5], [0.9, 0.5], [0.3, 0.05], [0.7, 0.95]]);

        Assert.Equal([0, 10, 0, 10], p.Select(q => Math.Round(q.Mean, 6)));
        Assert.All(p, q => Assert.Equal(0, q.Spread, 9));
    }

    [Fact]
    public void Predict_HeldOutSmoothFunction_BeatsTheMeanAndCoversNinetyPercent()
    {
        var (x, y) = Smooth(400, 10, 5);
        var (tx, ty) = Smooth(2000, 10, 6);

        var model = ExtraTreesRegressor.Fit(x, y, Own(400), Options);
        var p = model.Predict(tx);

        var mae = p.Select((q, i) => Math.Abs(q.Mean - ty[i])).Average();
        var baseline = ty.Select(v => Math.Abs(v - y.Average())).Average();
        var coverage = p.Where((q, i) => q.Covers(ty[i])).Count() / (double)ty.Length;
        output.WriteLine($"MAE {mae:F2} (predicting the mean: {baseline:F2}), coverage {coverage:F3}, {model.Description}");
        Assert.True(mae < 0.25 * baseline, $"MAE {mae:F2} against {baseline:F2}");

        // 2000 held-out rows: the binomial sd of the coverage is 0.007; the band allows for the calibration's own scatter.
        Assert.InRange(coverage, 0.86, 0.95);
    }

    [Fact]
    public void OutOfBag_GroupsHeldOutTogether_ATwinInTheSameGroupDoesNotLeak()
    {
        // Every row twice, identical; one noisy target per pair. A fully grown tree that saw the twin predicts the row exactly.
        var (x, y) = Smooth(150, 20, 7);
        double[][] xx = [.. x, .. x];
        double[] yy = [.. y, .. y];
        int[] pairs = [.. Enumerable.Range(0, 150), .. Enumerable.Range(0, 150)];

        var byRow = ExtraTreesRegressor.Fit(xx, yy, Own(300), Options).OutOfBag!;
        var byPair = ExtraTreesRegressor.Fit(xx, yy, pairs, Options).OutOfBag!;

        var rowError = byRow.Select((o, i) => Math.Abs(o.Mean - yy[i])).Average();
        var pairError = byPair.Select((o, i) => Math.Abs(o.Mean - yy[i])).Average();
        output.WriteLine($"out-of-bag MAE with rows as groups {rowError:F2}, with pairs as groups {pairError:F2}");
        Assert.True(pairError > 2 * rowError, $"{pairError:F2} against {rowError:F2}");
    }

    [Fact]
    public void Fit_SameSeed_SamePredictionsAtAnyParallelism_OtherSeedOtherTrees()
    {
        var (x, y) = Smooth(120, 10, 8);
        double[][] queries = [[0.2, 0.4, 0.6], [0.8, 0.1, 0.3]];

        var a = ExtraTreesRegressor.Fit(x, y, Own(120), Options).Predict(queries);
        var b = ExtraTreesRegressor.Fit(x, y, Own(120), Options with { MaxDegreeOfParallelism = 1 }).Predict(queries);
        var c = ExtraTreesRegressor.Fit(x, y, Own(120), Options with { Seed = 8 }).Predict(queries);

        Assert.Equal(a, b);
        Assert.NotEqual(a[0].Mean, c[0].Mean);
    }

    [Fact]
    public void Fit_FeatureScaledByAPowerOfTwo_SamePredictions()
    {
        // Cuts are drawn between a feature's extremes, so a feature's scale does not matter (a power of two keeps it exact).
        var (x, y) = Smooth(120, 10, 9);
        var scaled = x.Select(r => new[] { r[0] * 1024, r[1], r[2] / 64 }).ToArray();

        var a = ExtraTreesRegressor.Fit(x, y, Own(120), Options).Predict([[0.3, 0.3, 0.3]]);
        var b = ExtraTreesRegressor.Fit(scaled, y, Own(120), Options).Predict([[0.3 * 1024, 0.3, 0.3 / 64]]);

        Assert.Equal(a, b);
    }

    [Fact]
    public void TreeEnsemble_ExtraTreesLearner_GrowsExtraTreesAndStacksThem()
    {
        var (x, y) = Smooth(120, 10, 10);

        var ensemble = TreeEnsemble.Fit(x, y, Own(120), Options);
        var stack = StackedRegressor.Fit(x, y, Own(120), Options with { EnsembleSize = 64 }, new StackOptions { ProcessRefitFolds = 3 });

        Assert.IsType<ExtraTreesRegressor>(ensemble);
        Assert.IsType<ExtraTreesRegressor>(stack.Trees);
        Assert.InRange(stack.Weights.Sum(), 0.999, 1.001);
        Assert.Throws<ArgumentException>(() => ConformalEnsembleRegressor.Fit(x, y, Own(120), Options));
        Assert.Throws<ArgumentException>(() => ExtraTreesRegressor.Fit(x, y, Own(120), Options with { HuberRefit = true }));
    }
}
