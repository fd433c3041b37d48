namespace TwinPlatform.Simulation.Analysis;

/// <summary>One eigenpair of K phi = omega^2 M phi.</summary>
/// <param name="Number">1-based mode number, ascending frequency.</param>
/// <param name="EigenvalueRad2PerS2">omega^2, rad^2/s^2 (about 0, possibly slightly negative, for rigid-body modes).</param>
/// <param name="Shape">Mode shape, 3 per node (zero at supports), mass-normalised: phi^T M phi = 1 (units m/sqrt(kg)).</param>
/// <param name="RelativeResidual">||K phi - omega^2 M phi|| / ||K phi|| over the free degrees of freedom (relative to ||M phi|| for rigid-body modes).</param>
/// <param name="IsRigidBody">True for the 6 rigid-body modes of a model without supports.</param>
public sealed record VibrationMode(int Number, double EigenvalueRad2PerS2, double[] Shape, double RelativeResidual, bool IsRigidBody)
{
    /// <summary>omega = sqrt(eigenvalue), rad/s (0 for a non-positive eigenvalue).</summary>
    public double AngularFrequencyRadPerS => EigenvalueRad2PerS2 > 0 ? Math.Sqrt(EigenvalueRad2PerS2) : 0;

    /// <summary>f = omega / (2 pi), Hz.</summary>
    public double FrequencyHz => AngularFrequencyRadPerS / (2 * Math.PI);
}
