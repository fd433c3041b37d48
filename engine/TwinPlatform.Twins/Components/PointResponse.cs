using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation;

namespace TwinPlatform.Twins.Components;

/// <summary>The response at one named point of a component to one unit load case (1 N), at the reference modulus.</summary>
/// <param name="Strain">Strain tensor (tensor shear components).</param>
/// <param name="DisplacementM">Displacement vector, m.</param>
/// <param name="VonMisesPa">Von Mises stress at the point, Pa.</param>
public sealed record PointResponse(SymmetricTensor Strain, Vector3d DisplacementM, double VonMisesPa)
{
    /// <summary>Normal strain along a direction: d' eps d.</summary>
    public double StrainAlong(Vector3d direction) => Strain.Normal(direction);
}
