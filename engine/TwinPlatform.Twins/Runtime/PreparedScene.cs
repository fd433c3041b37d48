using TwinPlatform.Core.Scenes;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Twins.Components;

namespace TwinPlatform.Twins.Runtime;

/// <summary>A scene with everything the twins need before the first sample: passports and component models.</summary>
/// <param name="Scene">The scene.</param>
/// <param name="Passports">Material passports by material id.</param>
/// <param name="Materials">Material states by material id.</param>
/// <param name="Components">Component models (finite-element solution and ROM) by component id.</param>
public sealed record PreparedScene(
    SceneDefinition Scene,
    IReadOnlyDictionary<string, MaterialPassport> Passports,
    IReadOnlyDictionary<string, MaterialState> Materials,
    IReadOnlyDictionary<string, ComponentModel> Components)
{
    /// <summary>The reduced-order models by component id.</summary>
    public IReadOnlyDictionary<string, ComponentRom> Roms
    {
        get
        {
            var roms = new Dictionary<string, ComponentRom>(StringComparer.Ordinal);
            foreach (var (id, model) in Components)
            {
                roms[id] = model.Rom;
            }

            return roms;
        }
    }
}
