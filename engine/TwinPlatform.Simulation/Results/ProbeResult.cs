using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Results;

/// <summary>Field values at one point of the mesh for one load case.</summary>
/// <param name="Point">The probed point, metres.</param>
/// <param name="Location">Element and natural coordinates of the point.</param>
/// <param name="Displacement">Displacement, metres.</param>
/// <param name="Strain">Strain tensor (tensor shear components) from the element's shape-function gradients at the point.</param>
/// <param name="Stress">Stress tensor, Pa.</param>
public sealed record ProbeResult(Vector3d Point, PointLocation Location, Vector3d Displacement, SymmetricTensor Strain, SymmetricTensor Stress)
{
    /// <summary>Von Mises stress, Pa.</summary>
    public double VonMisesPa => Stress.VonMises;

    /// <summary>Normal strain along <paramref name="direction"/> (normalised): d·eps·d, what a strain gauge along d reads.</summary>
    public double NormalStrain(Vector3d direction) => Strain.Normal(direction);
}
