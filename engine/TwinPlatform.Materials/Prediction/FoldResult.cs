namespace TwinPlatform.Materials.Prediction;

/// <summary>The held-out metrics of one fold of one repetition.</summary>
/// <param name="Repeat">Repetition (0-based).</param>
/// <param name="Fold">Fold (0-based).</param>
/// <param name="TrainingRows">Rows the fold's model was trained on.</param>
/// <param name="Metrics">Metrics on the fold's held-out rows.</param>
/// <param name="OutOfDomain">Held-out rows the applicability domain flagged.</param>
/// <param name="Model">The settings used (chosen by inner cross-validation when tuning).</param>
public sealed record FoldResult(int Repeat, int Fold, int TrainingRows, RegressionMetrics Metrics, int OutOfDomain, string Model);
