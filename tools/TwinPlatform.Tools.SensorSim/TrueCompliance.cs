using TwinPlatform.Core.Graph;
using TwinPlatform.Twins.Runtime;
using TwinPlatform.Twins.Systems;

namespace TwinPlatform.Tools.SensorSim;

/// <summary>The components' true response: the scene's ROMs at the modulus the simulator states.</summary>
internal sealed class TrueCompliance(PreparedScene prepared, double modulusFactor) : IComponentCompliance
{
    public (double ComplianceMPerN, double RelativeStd) Compliance(string componentId, string loadCase, string point)
    {
        var model = prepared.Components[componentId];
        var component = prepared.Scene.Component(componentId);
        var direction = component.LoadCases.First(l => l.Name == loadCase).Direction;
        return (model.Rom.DisplacementPerNewton(loadCase, point, direction, TrueModulus(componentId)), 0);
    }

    public double StrainPerNewton(string componentId, string loadCase, string point, Vector3d direction) =>
        prepared.Components[componentId].Rom.StrainPerNewton(loadCase, point, direction, TrueModulus(componentId));

    private double TrueModulus(string componentId) =>
        prepared.Components[componentId].Rom.ReferenceModulusPa * modulusFactor;
}
