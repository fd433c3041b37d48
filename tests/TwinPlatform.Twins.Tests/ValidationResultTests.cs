using TwinPlatform.Core.Graph;
using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Tests;

public sealed class ValidationResultTests
{
    [Fact]
    public void Metric_FollowsVV20Arithmetic()
    {
        // S = 105, D = 100, u_num = 1, u_input = 2, u_D = 2: E = 5, u_val = 3.
        var r = new ValidationResult(TwinLevel.Component, "c", "q", "u", 105, 100, 1, 2, 2, 2, string.Empty);
        Assert.Equal(5, r.ComparisonError, 12);
        Assert.Equal(3, r.ValidationUncertainty, 12);
        Assert.Equal(5.0 / 3.0, r.NormalizedError, 12);
        Assert.True(r.Passes);
        Assert.False((r with { CoverageFactor = 1 }).Passes);
        Assert.Equal(0.05, r.RelativeError, 12);
    }

    [Fact]
    public void Chain_BreaksAtFirstFailingLevel()
    {
        var ok = new ValidationResult(TwinLevel.Material, "m", "q", "u", 1, 1, 0, 0.1, 0.1, 2, string.Empty);
        var bad = new ValidationResult(TwinLevel.Component, "c", "q", "u", 2, 1, 0, 0.1, 0.1, 2, string.Empty);
        var chain = new ChainVerdict(
            [new LevelVerdict(TwinLevel.Material, [ok]), new LevelVerdict(TwinLevel.Component, [bad]), new LevelVerdict(TwinLevel.System, [ok])], 2);
        Assert.Equal(TwinLevel.Component, chain.BreaksAt);
        Assert.Contains("breaks at the component level", chain.Summary, StringComparison.Ordinal);
        var none = new ChainVerdict([new LevelVerdict(TwinLevel.Material, [])], 2);
        Assert.Equal(TwinLevel.Material, none.BreaksAt);
    }

    [Fact]
    public void HoldDetector_SplitsStepsAndDropsSmallHolds()
    {
        var d = new HoldDetector(relativeTolerance: 0.01, minSamples: 5);
        var t = 0L;
        foreach (var level in new[] { 0.0, 100.0, 50.0, 10.0 })
        {
            for (var i = 0; i < 20; i++)
            {
                d.Add(t++, level, level + 1);
            }
        }

        var holds = d.Holds(minFractionOfPeak: 0.2);
        Assert.Equal([100.0, 50.0], holds.Select(h => h.MeanSimulation));
        Assert.All(holds, h => Assert.Equal(20, h.Count));
        Assert.Equal(101, holds[0].MeanData, 12);
    }
}
