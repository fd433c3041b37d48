namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Chooses among whole <see cref="RecordModel"/> pipelines (features, members, stacking, target transform) by an inner
/// grouped k-fold cross-validation on the training rows only: every candidate, featuriser included, is fitted on the inner
/// training folds and scored by its mean fold MAE on the inner test folds; the lowest wins (ties keep the earlier candidate).
/// </summary>
/// <remarks>
/// Run inside each outer fold by <see cref="RecordModel.Fit"/> when <see cref="RecordModelOptions.Alternatives"/> is given, so the
/// outer test rows never take part in the choice and the outer cross-validation error is a nested (honest) estimate.
/// Each candidate is fitted with the seed, level and parallelism of the calling pipeline's ensemble.
/// </remarks>
public static class PipelineSelection
{
    /// <summary>Scores every candidate by inner cross-validation and returns the index of the best with every score.</summary>
    /// <param name="training">The training rows.</param>
    /// <param name="candidates">Pipelines to compare (at least one; their own alternatives are ignored).</param>
    /// <param name="folds">Inner folds (at most the number of groups).</param>
    /// <param name="ensemble">Seed, level and parallelism applied to every candidate's ensemble.</param>
    /// <returns>The index of the chosen candidate and every candidate's mean inner fold MAE, in candidate order.</returns>
    public static (int Best, double[] Mae) Choose(IReadOnlyList<RecordSample> training, IReadOnlyList<RecordModelOptions> candidates, int folds, EnsembleOptions ensemble)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ensemble);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("no candidate pipelines", nameof(candidates));
        }

        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new int[training.Count];
        for (var i = 0; i < training.Count; i++)
        {
            if (!groupIndex.TryGetValue(training[i].Group, out var g))
            {
                g = groupIndex.Count;
                groupIndex[training[i].Group] = g;
            }

            groups[i] = g;
        }

        var k = Math.Min(folds, groupIndex.Count);
        if (k < 2)
        {
            throw new ArgumentException($"need at least 2 inner folds, found {k}", nameof(folds));
        }

        var foldOf = GroupedKFold.Assign(groups, k, ensemble.Seed);
        var mae = new double[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = Prepare(candidates[c], ensemble);
            double sum = 0;
            for (var f = 0; f < k; f++)
            {
                var train = new List<RecordSample>();
                var test = new List<RecordSample>();
                for (var i = 0; i < training.Count; i++)
                {
                    (foldOf[i] == f ? test : train).Add(training[i]);
                }

                var fitted = RecordModel.Fit(train, candidate with { Ensemble = candidate.Ensemble with { Seed = ensemble.Seed + f + 1 } });
                var p = fitted.Predict(test);
                double e = 0;
                for (var i = 0; i < test.Count; i++)
                {
                    e += Math.Abs(p[i].Mean - test[i].Target);
                }

                sum += e / test.Count;
            }

            mae[c] = sum / k;
        }

        var best = 0;
        for (var c = 1; c < mae.Length; c++)
        {
            if (mae[c] < mae[best])
            {
                best = c;
            }
        }

        return (best, mae);
    }

    /// <summary>A candidate as it is fitted: without alternatives of its own, with the caller's seed, level and parallelism.</summary>
    internal static RecordModelOptions Prepare(RecordModelOptions candidate, EnsembleOptions ensemble) => candidate with
    {
        Alternatives = null,
        Ensemble = candidate.Ensemble with { Seed = ensemble.Seed, Level = ensemble.Level, MaxDegreeOfParallelism = ensemble.MaxDegreeOfParallelism },
    };
}
