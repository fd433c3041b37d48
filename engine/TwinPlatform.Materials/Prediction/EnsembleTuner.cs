namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Chooses ensemble settings by an inner grouped k-fold cross-validation on training data only:
/// each candidate's single-member model is fitted on the inner training folds and scored by its
/// mean absolute error on the inner test folds; the lowest wins. Used inside every outer fold, so
/// model choice never sees the outer test rows.
/// </summary>
public static class EnsembleTuner
{
    /// <summary>Picks the candidate with the lowest inner cross-validated MAE.</summary>
    /// <param name="features">Training feature vectors.</param>
    /// <param name="targets">Training targets.</param>
    /// <param name="groups">Training groups (kept whole in the inner folds).</param>
    /// <param name="candidates">Settings to compare (at least one).</param>
    /// <param name="folds">Inner folds.</param>
    /// <param name="seed">Seed of the inner fold assignment and of the models.</param>
    /// <returns>The chosen settings and every candidate's inner MAE, in candidate order.</returns>
    public static (EnsembleOptions Best, double[] Mae) Choose(
        IReadOnlyList<double[]> features, IReadOnlyList<double> targets, IReadOnlyList<int> groups, IReadOnlyList<EnsembleOptions> candidates, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("no candidate settings", nameof(candidates));
        }

        if (candidates.Count == 1)
        {
            return (candidates[0], [double.NaN]);
        }

        var distinctGroups = groups.Distinct().Count();
        var k = Math.Min(folds, distinctGroups);
        var foldOf = GroupedKFold.Assign(groups, k, seed);
        var mae = new double[candidates.Count];
        var jobs = new List<(int Candidate, int Fold)>();
        for (var c = 0; c < candidates.Count; c++)
        {
            for (var f = 0; f < k; f++)
            {
                jobs.Add((c, f));
            }
        }

        var errors = new double[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = candidates[0].MaxDegreeOfParallelism }, j =>
        {
            var (c, f) = jobs[j];
            var trainX = new List<double[]>();
            var trainY = new List<double>();
            var testX = new List<double[]>();
            var testY = new List<double>();
            for (var i = 0; i < features.Count; i++)
            {
                if (foldOf[i] == f)
                {
                    testX.Add(features[i]);
                    testY.Add(targets[i]);
                }
                else
                {
                    trainX.Add(features[i]);
                    trainY.Add(targets[i]);
                }
            }

            var p = ConformalEnsembleRegressor.FitPredictSingle(trainX, trainY, testX, candidates[c], seed + (31 * f) + 1);
            double sum = 0;
            for (var i = 0; i < p.Length; i++)
            {
                sum += Math.Abs(p[i] - testY[i]);
            }

            errors[j] = sum;
        });

        for (var j = 0; j < jobs.Count; j++)
        {
            mae[jobs[j].Candidate] += errors[j] / features.Count;
        }

        var best = 0;
        for (var c = 1; c < candidates.Count; c++)
        {
            if (mae[c] < mae[best])
            {
                best = c;
            }
        }

        return (candidates[best], mae);
    }
}
