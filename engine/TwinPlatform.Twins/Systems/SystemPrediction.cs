namespace TwinPlatform.Twins.Systems;

/// <summary>A system-level prediction with the uncertainty its inputs carry into it.</summary>
/// <param name="ValueSI">The prediction, SI.</param>
/// <param name="InputStdSI">Standard uncertainty due to uncertain inputs (properties, measured loads), SI.</param>
public readonly record struct SystemPrediction(double ValueSI, double InputStdSI);
