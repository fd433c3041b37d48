using TwinPlatform.Prognostics.Evaluation;
using TwinPlatform.Prognostics.Models;

namespace TwinPlatform.Prognostics.Training;

/// <summary>
/// Out-of-fold predictions of a grouped cross-validation and their metrics.
/// </summary>
/// <param name="Predictions">Out-of-fold point prediction of every training sample, cycles.</param>
/// <param name="Lower">Lower end of the sample's interval from bands calibrated on the other folds only.</param>
/// <param name="Upper">Upper end of the sample's interval from bands calibrated on the other folds only.</param>
/// <param name="Fold">Fold of every sample.</param>
/// <param name="AllCycles">Metrics over every held-out cycle (truth capped).</param>
/// <param name="DegradingCycles">Metrics over held-out cycles whose true RUL is at most the cap.</param>
/// <param name="FoldRmse">RMSE over all cycles of each fold.</param>
/// <param name="Bands">Interval bands calibrated on all out-of-fold residuals (for the final model).</param>
public sealed record CrossValidationResult(
    IReadOnlyList<double> Predictions,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper,
    IReadOnlyList<int> Fold,
    FleetMetrics AllCycles,
    FleetMetrics DegradingCycles,
    IReadOnlyList<double> FoldRmse,
    ConformalBands Bands);
