using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Prognostics;

/// <summary>An engine's health after a cycle.</summary>
/// <param name="Cycle">The cycle the estimate is for.</param>
/// <param name="HealthIndicator">
/// The learned linear health indicator of the window-mean sensors: about 1 for a healthy engine,
/// falling to about 0 at failure (not clamped; noise can take it slightly outside [0, 1]).
/// </param>
/// <param name="RemainingUsefulLifeCycles">
/// Remaining useful life in cycles, capped like the training target: the mean is the ensemble's
/// prediction, [Lower, Upper] the conformal interval at <see cref="UncertainValue.Level"/> (0.90),
/// clamped to [0, cap]; the standard deviation is the normal-equivalent half-width / z. A value at
/// the cap means "healthy: at least about cap cycles left".
/// </param>
/// <param name="WindowFilled">False while fewer cycles than the feature window have been seen (features use the cycles available).</param>
public readonly record struct PrognosticEstimate(int Cycle, double HealthIndicator, UncertainValue RemainingUsefulLifeCycles, bool WindowFilled);
