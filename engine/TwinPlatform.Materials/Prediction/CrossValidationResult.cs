namespace TwinPlatform.Materials.Prediction;

/// <summary>Out-of-fold predictions of a grouped cross-validation and their metrics.</summary>
/// <param name="Property">The target property.</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="FoldOfRow">The fold each row was held out in.</param>
/// <param name="Predictions">The out-of-fold prediction of each row.</param>
/// <param name="Metrics">Metrics pooled over all rows.</param>
/// <param name="FoldMetrics">Metrics per fold.</param>
public sealed record CrossValidationResult(
    string Property,
    int Folds,
    IReadOnlyList<int> FoldOfRow,
    IReadOnlyList<EnsemblePrediction> Predictions,
    RegressionMetrics Metrics,
    IReadOnlyList<RegressionMetrics> FoldMetrics);
