namespace TwinPlatform.Core.Scenes;

/// <summary>Twin settings.</summary>
/// <param name="Calibrate">Uncertain parameters the twin calibrates from sensor data.</param>
/// <param name="CoverageFactor">k in the validation test |E| &lt;= k u_val.</param>
/// <param name="DriftChannels">Sensor ids whose slow offset drift is estimated alongside the calibration.</param>
public sealed record TwinOptions(IReadOnlyList<string> Calibrate, double CoverageFactor, IReadOnlyList<string> DriftChannels);
