using System.Globalization;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// K-fold cross-validation of a <see cref="RecordModel"/> on a <see cref="SampleSet"/>: in each fold the
/// featuriser, any tuning (inner cross-validation), the ensemble, its conformal calibration and the
/// applicability domain are fitted on the training folds only, then the held-out fold is predicted.
/// </summary>
public static class RecordCrossValidation
{
    /// <summary>Runs the cross-validation.</summary>
    /// <param name="set">The rows.</param>
    /// <param name="model">Model settings.</param>
    /// <param name="options">Folds, repetitions, seed, scheme.</param>
    public static RecordCrossValidationResult Run(SampleSet set, RecordModelOptions model, CrossValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var n = set.Samples.Count;
        var groups = set.GroupNumbers();
        var folds = new List<FoldResult>();
        var all = new List<IReadOnlyList<EnsemblePrediction>>();
        var pooledPredictions = new List<EnsemblePrediction>();
        var pooledActual = new List<double>();
        var assignments = new List<IReadOnlyList<int>>();
        for (var r = 0; r < options.Repeats; r++)
        {
            var foldOf = options.Scheme == FoldScheme.Matbench
                ? NumpyRandomState.KFold(n, options.Folds, (uint)(options.Seed + r))
                : GroupedKFold.Assign(groups, options.Folds, options.Seed + r);
            var predictions = new EnsemblePrediction[n];
            for (var f = 0; f < options.Folds; f++)
            {
                var train = new List<RecordSample>();
                var test = new List<RecordSample>();
                var testIndex = new List<int>();
                for (var i = 0; i < n; i++)
                {
                    if (foldOf[i] == f)
                    {
                        test.Add(set.Samples[i]);
                        testIndex.Add(i);
                    }
                    else
                    {
                        train.Add(set.Samples[i]);
                    }
                }

                var seed = model.Ensemble.Seed + (1000 * r) + f + 1;
                var fitted = RecordModel.Fit(train, model with { Ensemble = model.Ensemble with { Seed = seed } });
                var p = fitted.Predict(test);
                var outOfDomain = 0;
                for (var k = 0; k < test.Count; k++)
                {
                    predictions[testIndex[k]] = p[k];
                    if (!fitted.CheckDomain(test[k].Record, test[k].Property).InDomain)
                    {
                        outOfDomain++;
                    }
                }

                var metrics = RegressionMetrics.Of(p, [.. test.Select(s => s.Target)]);
                var description = fitted.SelectionMae.Count == 0 ? fitted.Regressor.Description : string.Create(c,
                    $"pipeline {fitted.SelectedPipeline} of {fitted.SelectionMae.Count} (inner MAE {string.Join(" / ", fitted.SelectionMae.Select(m => m.ToString("F2", c)))}): {fitted.Regressor.Description}");
                folds.Add(new FoldResult(r, f, train.Count, metrics, outOfDomain, description));
                options.Log?.Invoke(string.Create(c,
                    $"repeat {r + 1} fold {f + 1}: n {test.Count}, MAE {metrics.MeanAbsoluteError:F2}, RMSE {metrics.RootMeanSquareError:F2}, R2 {metrics.RSquared:F3}, coverage {metrics.Coverage:F3}, width {metrics.MeanWidth:F1} ({description})"));
            }

            all.Add(predictions);
            assignments.Add(foldOf);
            pooledPredictions.AddRange(predictions);
            pooledActual.AddRange(set.Samples.Select(s => s.Target));
        }

        return new RecordCrossValidationResult(set.Selection.Property, set.Unit.Symbol, n, set.GroupCount, options, folds,
            RegressionMetrics.Of(pooledPredictions, pooledActual), all)
        {
            FoldAssignments = assignments,
        };
    }
}
