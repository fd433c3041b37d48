using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Tests;

public sealed class NumpyRandomStateTests
{
    /// <summary>numpy: <c>np.random.RandomState(0).random_sample()</c> and <c>.permutation(10)</c>.</summary>
    [Fact]
    public void Seed0_MatchesNumpy()
    {
        Assert.Equal(0.5488135039273248, new NumpyRandomState(0).NextDouble());
        var p = Enumerable.Range(0, 10).ToArray();
        new NumpyRandomState(0).Shuffle(p);
        Assert.Equal([2, 8, 4, 9, 1, 6, 7, 3, 0, 5], p);
    }

    [Fact]
    public void KFold_MatbenchSteels_FoldSizesAsScikitLearn()
    {
        var folds = NumpyRandomState.KFold(312, 5, 18012019);

        Assert.Equal([63, 63, 62, 62, 62], Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)));
    }
}
