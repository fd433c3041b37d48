using TwinPlatform.Materials.Data;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Grouped k-fold cross-validation of a <see cref="ConformalEnsembleRegressor"/>: each fold's
/// ensemble and its conformal calibration are fitted on the other folds only, so the reported
/// coverage is that of intervals on heats the model has never seen.
/// </summary>
public static class GroupedCrossValidation
{
    /// <summary>Runs the cross-validation for one property.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="property">Target property name.</param>
    /// <param name="options">Ensemble settings (also used inside each fold).</param>
    /// <param name="folds">Number of folds.</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    public static CrossValidationResult Run(MaterialDataset data, string property, EnsembleOptions options, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var y = data.Target(property);
        var foldOf = GroupedKFold.Assign(data.Groups, folds, seed);
        var predictions = new EnsemblePrediction[data.RowCount];
        var foldMetrics = new RegressionMetrics[folds];
        for (var f = 0; f < folds; f++)
        {
            var train = new List<int>();
            var test = new List<int>();
            for (var i = 0; i < data.RowCount; i++)
            {
                (foldOf[i] == f ? test : train).Add(i);
            }

            var trainSet = data.Subset(train);
            var model = ConformalEnsembleRegressor.Fit(trainSet.Rows, trainSet.Target(property), trainSet.Groups, options with { Seed = options.Seed + f + 1 });
            var testRows = new double[test.Count][];
            var testY = new double[test.Count];
            for (var k = 0; k < test.Count; k++)
            {
                testRows[k] = data.Rows[test[k]];
                testY[k] = y[test[k]];
            }

            var p = model.Predict(testRows);
            for (var k = 0; k < test.Count; k++)
            {
                predictions[test[k]] = p[k];
            }

            foldMetrics[f] = RegressionMetrics.Of(p, testY);
        }

        return new CrossValidationResult(property, folds, foldOf, predictions, RegressionMetrics.Of(predictions, y), foldMetrics);
    }
}
