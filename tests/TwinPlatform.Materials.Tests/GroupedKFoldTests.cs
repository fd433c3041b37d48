using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Tests;

public sealed class GroupedKFoldTests
{
    [Fact]
    public void Assign_ThreeRowsPerGroup_NeverSplitsAGroup()
    {
        var groups = Enumerable.Range(0, 60).Select(i => i / 3).ToArray();

        var folds = GroupedKFold.Assign(groups, 5, seed: 11);

        for (var i = 0; i < groups.Length; i++)
        {
            for (var j = 0; j < groups.Length; j++)
            {
                if (groups[i] == groups[j])
                {
                    Assert.Equal(folds[i], folds[j]);
                }
            }
        }

        // 20 groups dealt to 5 folds: 4 groups (12 rows) each.
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(12, folds.Count(x => x == f)));
    }

    [Fact]
    public void Assign_SameSeed_SameFolds()
    {
        var groups = Enumerable.Range(0, 90).Select(i => i % 30).ToArray();

        Assert.Equal(GroupedKFold.Assign(groups, 10, 3), GroupedKFold.Assign(groups, 10, 3));
    }

    [Fact]
    public void Assign_MoreFoldsThanGroups_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupedKFold.Assign([0, 0, 1, 1], 3, 1));
    }
}
