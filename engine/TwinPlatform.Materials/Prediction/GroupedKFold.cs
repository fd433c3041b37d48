namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// K-fold splits that keep every group (heat) whole: groups are shuffled with a fixed seed and dealt
/// to the folds in turn, so all rows of one group are always on the same side of a split.
/// </summary>
public static class GroupedKFold
{
    /// <summary>The fold (0 .. <paramref name="folds"/>-1) of every row.</summary>
    /// <param name="groups">Group of each row.</param>
    /// <param name="folds">Number of folds, at least 2 and at most the number of groups.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static int[] Assign(IReadOnlyList<int> groups, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var distinct = new List<int>();
        var seen = new HashSet<int>();
        foreach (var g in groups)
        {
            if (seen.Add(g))
            {
                distinct.Add(g);
            }
        }

        distinct.Sort();
        if (folds < 2 || folds > distinct.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"expected 2 to {distinct.Count} folds for {distinct.Count} groups");
        }

        // Fisher-Yates with System.Random(seed), whose sequence is fixed for a given seed.
        var rng = new Random(seed);
        for (var i = distinct.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (distinct[i], distinct[j]) = (distinct[j], distinct[i]);
        }

        var foldOf = new Dictionary<int, int>();
        for (var i = 0; i < distinct.Count; i++)
        {
            foldOf[distinct[i]] = i % folds;
        }

        var result = new int[groups.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = foldOf[groups[i]];
        }

        return result;
    }
}
