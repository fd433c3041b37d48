using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// A simulated experimental campaign on a pool of measured rows, to compare how fast active learning
/// by expected improvement and random picks find a good material: the measured values play the
/// experiments, revealed only when a row is picked.
/// </summary>
/// <remarks>
/// Protocol: the seed set is drawn at random from the rows below the target threshold; every round
/// picks <c>batch</c> rows from the pool (by expected improvement of a <see cref="RecordModel"/> trained
/// on the rows measured so far over the best of them, or at random) and measures them; the campaign
/// ends in the round that measures a row at or above the threshold.
/// </remarks>
public static class ActiveLearningSimulation
{
    /// <summary>Rounds until a row at or above <paramref name="threshold"/> is measured (<paramref name="maxRounds"/> + 1 if never).</summary>
    /// <param name="set">The pool of measured rows (larger targets are better).</param>
    /// <param name="threshold">Target value that counts as found.</param>
    /// <param name="seedRows">Rows measured before the first round.</param>
    /// <param name="batch">Rows measured per round.</param>
    /// <param name="maxRounds">Give up after this many rounds.</param>
    /// <param name="seed">Seed of the seed set (and of random picks).</param>
    /// <param name="model">Surrogate settings for expected improvement, or null for random picks.</param>
    public static int RoundsToFind(SampleSet set, double threshold, int seedRows, int batch, int maxRounds, int seed, RecordModelOptions? model)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rng = new Random(seed);
        var n = set.Samples.Count;
        var below = Enumerable.Range(0, n).Where(i => set.Samples[i].Target < threshold).OrderBy(_ => rng.Next()).ToArray();
        var measured = new HashSet<int>(below.Take(seedRows));
        var pickRng = new Random(seed + 7919);
        for (var round = 1; round <= maxRounds; round++)
        {
            var pool = Enumerable.Range(0, n).Where(i => !measured.Contains(i)).ToArray();
            int[] picks;
            if (model is null)
            {
                picks = [.. pool.OrderBy(_ => pickRng.Next()).Take(batch)];
            }
            else
            {
                var training = measured.Order().Select(i => set.Samples[i]).ToList();
                var fitted = RecordModel.Fit(training, model with { Ensemble = model.Ensemble with { Seed = seed + round } });
                var predictions = fitted.Predict([.. pool.Select(i => set.Samples[i])]);
                var best = training.Max(s => s.Target);
                picks = [.. ExpectedImprovement.SelectBatch(predictions, best, batch).Select(k => pool[k])];
            }

            foreach (var i in picks)
            {
                measured.Add(i);
            }

            if (picks.Any(i => set.Samples[i].Target >= threshold))
            {
                return round;
            }
        }

        return maxRounds + 1;
    }
}
