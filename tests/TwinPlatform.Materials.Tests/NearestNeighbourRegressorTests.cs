using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Tests;

public sealed class NearestNeighbourRegressorTests
{
    [Fact]
    public void Predict_OneNeighbour_ReturnsTheNearestRowsTarget()
    {
        double[][] x = [[0, 0], [1, 0], [0, 1], [1, 1]];
        double[] y = [10, 20, 30, 40];

        var knn = NearestNeighbourRegressor.Fit(x, y, [1]);

        Assert.Equal(1, knn.Neighbours);
        Assert.Equal(40, knn.Predict([0.9, 0.8]), 12);
        Assert.Equal(10, knn.Predict([-0.2, 0.1]), 12);
    }

    [Fact]
    public void Predict_TwoNeighboursAtEqualDistance_AverageOfTheirTargets()
    {
        double[][] x = [[0], [2], [10], [11]];
        double[] y = [100, 200, 900, 1000];

        var knn = NearestNeighbourRegressor.Fit(x, y, [2]);

        // Query midway between the first two rows: equal inverse-distance weights.
        Assert.Equal(150, knn.Predict([1]), 9);
    }

    [Fact]
    public void Fit_LeaveOneOut_EqualsRefitWithoutTheRowAndChoosesK()
    {
        var rng = new Random(29);
        var x = Enumerable.Range(0, 60).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(v => (5 * v[0]) + (rng.NextDouble() - 0.5)).ToArray();

        var knn = NearestNeighbourRegressor.Fit(x, y, [1, 5, 15]);

        // The standardisation and the distance floor move a little without the row: compare loosely.
        for (var i = 0; i < 5; i++)
        {
            var keep = Enumerable.Range(0, x.Length).Where(k => k != i).ToArray();
            var refit = NearestNeighbourRegressor.Fit([.. keep.Select(k => x[k])], [.. keep.Select(k => y[k])], [knn.Neighbours]);
            Assert.Equal(refit.Predict(x[i]), knn.LeaveOneOutMean[i], 1);
        }

        // With noise of sd ~0.29 a single neighbour is a poor choice.
        Assert.NotEqual(1, knn.Neighbours);
        Assert.Contains("-NN", knn.Description, StringComparison.Ordinal);
    }
}
