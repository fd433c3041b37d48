namespace TwinPlatform.Materials.Prediction;

/// <summary>Result of a <see cref="RecordCrossValidation"/>: per fold, pooled, and the Matbench-style mean over folds.</summary>
/// <param name="Property">Target property.</param>
/// <param name="Unit">Unit of the metrics (<c>MPa</c>).</param>
/// <param name="Rows">Rows in the sample set.</param>
/// <param name="Groups">Groups in the sample set.</param>
/// <param name="Options">The cross-validation settings.</param>
/// <param name="Folds">Every fold of every repetition.</param>
/// <param name="Pooled">Metrics over all held-out predictions of all repetitions.</param>
/// <param name="Predictions">Held-out prediction of each row in each repetition: [repeat][row].</param>
public sealed record RecordCrossValidationResult(
    string Property,
    string Unit,
    int Rows,
    int Groups,
    CrossValidationOptions Options,
    IReadOnlyList<FoldResult> Folds,
    RegressionMetrics Pooled,
    IReadOnlyList<IReadOnlyList<EnsemblePrediction>> Predictions)
{
    /// <summary>Held-out fold (0-based) of each row in each repetition: [repeat][row]; empty when not recorded.</summary>
    public IReadOnlyList<IReadOnlyList<int>> FoldAssignments { get; init; } = [];

    /// <summary>Mean over folds (and repetitions) of the fold MAE: Matbench's score.</summary>
    public double MeanFoldMae => Folds.Average(f => f.Metrics.MeanAbsoluteError);

    /// <summary>Standard deviation of the fold MAEs.</summary>
    public double FoldMaeStandardDeviation => StandardDeviation(Folds.Select(f => f.Metrics.MeanAbsoluteError));

    /// <summary>Mean over folds of the fold RMSE.</summary>
    public double MeanFoldRmse => Folds.Average(f => f.Metrics.RootMeanSquareError);

    /// <summary>Mean over folds of the fold R^2.</summary>
    public double MeanFoldRSquared => Folds.Average(f => f.Metrics.RSquared);

    /// <summary>Mean over folds of the interval coverage.</summary>
    public double MeanFoldCoverage => Folds.Average(f => f.Metrics.Coverage);

    /// <summary>Mean over folds of the mean interval width.</summary>
    public double MeanFoldWidth => Folds.Average(f => f.Metrics.MeanWidth);

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length < 2)
        {
            return 0;
        }

        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
