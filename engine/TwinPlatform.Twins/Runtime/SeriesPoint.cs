namespace TwinPlatform.Twins.Runtime;

/// <summary>One point of a comparison series, SI.</summary>
/// <param name="Ticks">UTC ticks.</param>
/// <param name="Predicted">Prediction at the nominal properties.</param>
/// <param name="Measured">Measurement as received.</param>
/// <param name="Calibrated">Prediction with the calibration as it stood at that sample (NaN when none).</param>
/// <param name="Good">False when the sample was flagged bad and excluded.</param>
public readonly record struct SeriesPoint(long Ticks, double Predicted, double Measured, double Calibrated, bool Good);
