namespace TwinPlatform.Tools.Trainer;

/// <summary>A held-out row: its tempering temperature, measured values and the final model's predictions (MPa).</summary>
internal sealed record HoldoutCheck(int Line, double TemperingCelsius, IReadOnlyList<(string Property, double Measured, Materials.Prediction.EnsemblePrediction Predicted)> Values);
