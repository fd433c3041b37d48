namespace TwinPlatform.Plugins.CalculiX;

/// <summary>One row of the eigenvalue table CalculiX prints to the .dat file.</summary>
/// <param name="Mode">Mode number.</param>
/// <param name="Eigenvalue">omega^2, (rad/time)^2.</param>
/// <param name="FrequencyHz">Frequency, cycles/time.</param>
public sealed record DatEigenvalue(int Mode, double Eigenvalue, double FrequencyHz);
