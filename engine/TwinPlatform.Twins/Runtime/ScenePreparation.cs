using TwinPlatform.Core.Scenes;
using TwinPlatform.Materials;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Twins.Components;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// Readies a scene: material passports from the materials layer (predicted strengths, handbook
/// elastic constants), then each component's finite-element model and ROM at its material's
/// nominal properties, so that a changed material changes the simulation's inputs.
/// </summary>
public static class ScenePreparation
{
    /// <summary>Prepares every material and component of the scene.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="cacheFolder">Where generated meshes are kept between runs.</param>
    /// <param name="progress">Receives progress lines.</param>
    public static PreparedScene Prepare(SceneDefinition scene, string cacheFolder, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var service = new MaterialPropertyService();
        var passports = new Dictionary<string, MaterialPassport>(StringComparer.Ordinal);
        var materials = new Dictionary<string, MaterialState>(StringComparer.Ordinal);
        foreach (var material in scene.Materials)
        {
            progress?.Report($"{material.Id}: material passport (predicted strengths, handbook elastic constants)");
            var passport = service.GetPassport(material, scene.Directory);
            passports[material.Id] = passport;
            materials[material.Id] = new MaterialState(material, passport.Properties);
        }

        var builder = new ComponentRomBuilder(cacheFolder, progress);
        var components = new Dictionary<string, ComponentModel>(StringComparer.Ordinal);
        foreach (var component in scene.Components)
        {
            var material = materials[component.MaterialId];
            var e = material.Require(MaterialPropertyNames.YoungsModulus).Value.Mean;
            var nu = material.Require(MaterialPropertyNames.PoissonsRatio).Value.Mean;
            components[component.Id] = builder.Build(component, e, nu);
        }

        return new PreparedScene(scene, passports, materials, components);
    }
}
