using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Tests;

public sealed class StackedRegressorTests
{
    [Fact]
    public void RidgeFit_LeaveOneOut_EqualsRefitWithoutTheRow()
    {
        var rng = new Random(11);
        var x = Enumerable.Range(0, 40).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => 3 + (2 * v[0]) - v[1] + (0.3 * rng.NextDouble())).ToArray();
        double[] penalty = [0.01];

        var all = RidgeRegressor.Fit(x, y, penalty);

        // The closed form uses the full-data centring and scaling; a refit re-centres, so compare with a loose tolerance.
        for (var i = 0; i < 5; i++)
        {
            var keep = Enumerable.Range(0, x.Length).Where(k => k != i).ToArray();
            var refit = RidgeRegressor.Fit([.. keep.Select(k => x[k])], [.. keep.Select(k => y[k])], penalty);
            Assert.Equal(refit.Predict(x[i]), all.LeaveOneOutMean[i], 1);
        }

        Assert.True(all.LeaveOneOutMae < 0.2, $"leave-one-out MAE {all.LeaveOneOutMae:F3} on a linear law with noise of MAE ~0.075");
    }

    [Fact]
    public void SteelDescriptors_KnownComposition_KnownValues()
    {
        KeyValuePair<string, double>[] atom = [new("Fe", 0.7), new("Ni", 0.18), new("Co", 0.08), new("Mo", 0.03), new("Ti", 0.01)];
        KeyValuePair<string, double>[] mass = [new("Fe", 0.68), new("C", 0.001), new("Mn", 0.06), new("Ni", 0.15), new("Mo", 0.05), new("Cr", 0.059)];
        var d = new double[SteelDescriptors.Names.Count];

        SteelDescriptors.Compute(atom, mass, d);

        Assert.Equal(0.001 + (0.06 / 6) + ((0.059 + 0.05) / 5) + (0.15 / 15), d[0], 12);
        Assert.Equal(0.26, d[1], 12);
        Assert.Equal(0.03, d[2], 12);
        Assert.Equal(0.08 * 0.03, d[5], 12);
        Assert.Equal(0.18 * 0.01, d[6], 12);
        Assert.Equal(Math.Log((0.01 + 0.03 + 1e-4) / 1e-4), d[9], 12);
        Assert.Equal(0.3, d[10], 12);
    }

    [Fact]
    public void Fit_SyntheticLaw_WeightsOnSimplexAndIntervalAroundMean()
    {
        var rng = new Random(7);
        double F(double[] v) => 1000 + (400 * v[0] * v[1]) + (200 * Math.Sin(4 * v[2]));
        var x = Enumerable.Range(0, 120).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v) + (10 * (rng.NextDouble() - 0.5))).ToArray();
        var ensemble = new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 50, CrossFitFolds = 4, Seed = 3 };

        var stack = StackedRegressor.Fit(x, y, [.. Enumerable.Range(0, x.Length)], ensemble, new StackOptions { WeightStep = 0.1 }, treeColumns: [0, 1, 2, 3], processColumns: [0, 1, 2]);

        Assert.Equal(1.0, stack.Weights.Sum(), 12);
        Assert.All(stack.Weights, w => Assert.InRange(w, 0, 1));
        var queries = Enumerable.Range(0, 30).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble() }).ToArray();
        var p = stack.Predict(queries);
        Assert.All(p, q => Assert.True(q.Lower < q.Mean && q.Mean < q.Upper));
        var mae = queries.Select((q, i) => Math.Abs(p[i].Mean - F(q))).Average();
        Assert.True(mae < 40, $"held-out MAE {mae:F1} on a law of range ~600");
    }

    [Fact]
    public void GaussianProcessArd_IrrelevantFeature_PredictsAtLeastAsWellAsIsotropic()
    {
        var rng = new Random(9);
        double F(double a) => 100 + (50 * Math.Sin(3 * a));

        // Feature 1 is noise of ten times the range of the signal feature.
        var x = Enumerable.Range(0, 80).Select(_ => new[] { rng.NextDouble(), 10 * rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v[0])).ToArray();
        var groups = Enumerable.Range(0, x.Length).ToArray();
        var options = new GaussianProcessOptions { ScaleExponents = [0], Average = 1 };

        var isotropic = GaussianProcessRegressor.Fit(x, y, groups, options);
        var ard = GaussianProcessRegressor.Fit(x, y, groups, options with { Ard = true });

        Assert.True(ard.LeaveOneOutMae <= isotropic.LeaveOneOutMae, $"ARD {ard.LeaveOneOutMae:F2} against isotropic {isotropic.LeaveOneOutMae:F2}");
        Assert.Contains("ARD", ard.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_AllOptionalMembers_SevenWeightsOnSimplex()
    {
        var rng = new Random(37);
        double F(double[] v) => 1000 + (400 * v[0] * v[1]) + (200 * Math.Sin(4 * v[2]));
        var x = Enumerable.Range(0, 100).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v) + (10 * (rng.NextDouble() - 0.5))).ToArray();
        var ensemble = new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 50, CrossFitFolds = 4, Seed = 5 };
        var options = new StackOptions
        {
            WeightStep = 0.1,
            Forest = ensemble with { Learner = EnsembleLearner.FastForest, NumberOfTrees = 30, NumberOfLeaves = 16 },
            NearestNeighbours = [3, 8],
            ResidualProcess = true,
        };

        var stack = StackedRegressor.Fit(x, y, [.. Enumerable.Range(0, x.Length)], ensemble, options, secondProcessColumns: [0, 1]);

        Assert.Equal(7, stack.Weights.Count);
        Assert.Equal(1.0, stack.Weights.Sum(), 12);
        Assert.All(stack.Weights, w => Assert.InRange(w, 0, 1));
        Assert.NotNull(stack.Forest);
        Assert.NotNull(stack.Neighbours);
        Assert.NotNull(stack.SecondProcess);
        Assert.Contains("GP2", stack.Description, StringComparison.Ordinal);
        Assert.NotNull(stack.ResidualProcess);
        Assert.Contains("residual", stack.Description, StringComparison.Ordinal);
        Assert.Contains("kNN", stack.Description, StringComparison.Ordinal);
        var p = stack.Predict([[0.5, 0.5, 0.5]])[0];
        Assert.True(p.Lower < p.Mean && p.Mean < p.Upper);
        Assert.InRange(p.Mean, F([0.5, 0.5, 0.5]) - 60, F([0.5, 0.5, 0.5]) + 60);
    }

    [Fact]
    public void Fit_GateByProcessSd_NearAndFarQueriesTakeTheirOwnWeights()
    {
        var rng = new Random(41);
        double F(double[] v) => 1000 + (400 * v[0] * v[1]) + (200 * Math.Sin(4 * v[2]));
        var x = Enumerable.Range(0, 100).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => F(v) + (10 * (rng.NextDouble() - 0.5))).ToArray();
        var ensemble = new EnsembleOptions { EnsembleSize = 8, NumberOfTrees = 50, CrossFitFolds = 4, Seed = 5 };
        var groups = Enumerable.Range(0, x.Length).ToArray();
        var options = new StackOptions { WeightStep = 0.1, ProcessRefitFolds = 4 };

        var plain = StackedRegressor.Fit(x, y, groups, ensemble, options);
        var gated = StackedRegressor.Fit(x, y, groups, ensemble, options with { GateByProcessSd = true });

        Assert.Null(plain.FarWeights);
        Assert.NotNull(gated.FarWeights);
        Assert.Equal(1.0, gated.FarWeights!.Sum(), 12);
        Assert.Equal(1.0, gated.Weights.Sum(), 12);

        // Each half's weights are the best for its rows, so together they fit the training rows at least as well as one vector.
        Assert.True(gated.OutOfSampleMae <= plain.OutOfSampleMae + 1e-9, $"gated {gated.OutOfSampleMae:F3}, plain {plain.OutOfSampleMae:F3}");
        Assert.StartsWith("stack far w=(", gated.Description, StringComparison.Ordinal);

        // A training row is near (process sd at its floor), a point far outside the unit cube is far (sd near the prior's).
        foreach (var (query, weights) in new[] { (x[3], gated.Weights), ([4.0, 4.0, 4.0], gated.FarWeights) })
        {
            var trees = gated.Trees.Predict([query])[0].Mean;
            var process = gated.Process.Predict(query).Mean;
            var ridge = gated.Ridge!.Predict(query);
            var expected = (weights[0] * trees) + (weights[1] * process) + (weights[2] * ridge);
            Assert.Equal(expected, gated.Predict([query])[0].Mean, 6);
        }
    }
}
