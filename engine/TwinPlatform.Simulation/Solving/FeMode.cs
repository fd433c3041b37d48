namespace TwinPlatform.Simulation.Solving;

/// <summary>One natural mode of a frequency step.</summary>
/// <param name="Number">1-based mode number, lowest frequency first.</param>
/// <param name="FrequencyHz">Natural frequency in cycles per deck time unit (Hz in SI and in mm-N-s-tonne).</param>
/// <param name="Shape">Mode shape, 3 values per node parallel to <see cref="FeSolution.NodeIds"/>, or null when not written; mass-normalised (phi^T M phi = 1) up to sign.</param>
public sealed record FeMode(int Number, double FrequencyHz, double[]? Shape)
{
    /// <summary>Eigenvalue omega^2 = (2 pi f)^2.</summary>
    public double Eigenvalue => Math.Pow(2 * Math.PI * FrequencyHz, 2);
}
