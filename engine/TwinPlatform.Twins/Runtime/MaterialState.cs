using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Twins.Runtime;

/// <summary>What the twins need of a material: its definition and its properties as distributions.</summary>
/// <param name="Definition">The scene's material.</param>
/// <param name="Properties">Property name to distribution (SI): youngs_modulus, poissons_ratio, tensile_strength, fatigue_strength...</param>
public sealed record MaterialState(MaterialDefinition Definition, IReadOnlyDictionary<string, UncertainQuantity> Properties)
{
    /// <summary>Young's modulus.</summary>
    public UncertainQuantity YoungsModulus => Require("youngs_modulus");

    /// <summary>Poisson's ratio (mean).</summary>
    public double PoissonRatio => Require("poissons_ratio").Value.Mean;

    /// <summary>A property by name; a clear error naming the material when absent.</summary>
    public UncertainQuantity Require(string property) =>
        Properties.TryGetValue(property, out var q)
            ? q
            : throw Definition.Field.Error($"material '{Definition.Id}' has no value for '{property}'");
}
