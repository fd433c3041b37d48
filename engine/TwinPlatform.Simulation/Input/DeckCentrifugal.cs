using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Input;

/// <summary>A centrifugal body load (<c>*DLOAD ... CENTRIF</c>): rho omega^2 r about an axis.</summary>
/// <param name="OmegaSquared">Square of the rotational speed, (rad/time)^2, as CalculiX writes it.</param>
/// <param name="AxisPoint">A point on the rotation axis.</param>
/// <param name="AxisDirection">Axis direction (normalised by the reader).</param>
public readonly record struct DeckCentrifugal(double OmegaSquared, Vector3d AxisPoint, Vector3d AxisDirection);
