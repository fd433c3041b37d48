namespace TwinPlatform.Prognostics.Evaluation;

/// <summary>How well remaining-useful-life predictions match the truth over a set of engines or cycles.</summary>
/// <param name="Count">Number of predictions scored.</param>
/// <param name="Rmse">Root mean square error, cycles.</param>
/// <param name="Mae">Mean absolute error, cycles.</param>
/// <param name="Bias">Mean of predicted - true, cycles (positive = late, optimistic).</param>
/// <param name="Phm08Score">Summed PHM08 score (see <see cref="Evaluation.Phm08Score"/>).</param>
/// <param name="Coverage">Fraction of true values inside the predicted interval.</param>
/// <param name="MeanIntervalWidth">Mean width of the predicted interval, cycles.</param>
/// <param name="Level">Nominal coverage of the intervals (for example 0.90).</param>
public sealed record FleetMetrics(int Count, double Rmse, double Mae, double Bias, double Phm08Score, double Coverage, double MeanIntervalWidth, double Level)
{
    /// <summary>The PHM08 score per 100 predictions: comparable between a 100-engine test set and any number of cross-validation cycles.</summary>
    public double Phm08ScorePer100 => Count == 0 ? 0 : Phm08Score * 100.0 / Count;
}
