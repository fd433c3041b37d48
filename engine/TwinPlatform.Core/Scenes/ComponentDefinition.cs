using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Scenes;

/// <summary>A part: its geometry and mesh settings, supports, unit load cases and named points.</summary>
public sealed record ComponentDefinition
{
    /// <summary>Component twin id.</summary>
    public required string Id { get; init; }

    /// <summary>Human name.</summary>
    public required string Name { get; init; }

    /// <summary>Id of the material it is made of.</summary>
    public required string MaterialId { get; init; }

    /// <summary>Geometry file (gmsh .geo script or .msh mesh), absolute path.</summary>
    public required string GeometryPath { get; init; }

    /// <summary>Mesh settings.</summary>
    public required MeshOptions Mesh { get; init; }

    /// <summary>Supports: named surfaces held fixed.</summary>
    public required IReadOnlyList<string> FixedSurfaces { get; init; }

    /// <summary>Unit load cases from which the reduced-order model is built.</summary>
    public required IReadOnlyList<LoadCaseDefinition> LoadCases { get; init; }

    /// <summary>Named points (gauge locations, load points) in the component's frame, metres.</summary>
    public required IReadOnlyDictionary<string, Vector3d> Points { get; init; }

    /// <summary>Where the component is defined.</summary>
    public required YamlField Field { get; init; }
}
