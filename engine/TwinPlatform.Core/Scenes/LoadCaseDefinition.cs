using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Scenes;

/// <summary>
/// A unit load case of a component: a total force of 1 N spread uniformly over a named surface
/// along a direction (<c>surface-force</c>). Further load types are read from <see cref="Field"/>.
/// </summary>
/// <param name="Name">Load case name, referenced by systems.</param>
/// <param name="Type">Load type, for example <c>surface-force</c>.</param>
/// <param name="Surface">Named surface the load acts on.</param>
/// <param name="Direction">Unit direction of the load.</param>
/// <param name="Field">Where the load case is defined.</param>
public sealed record LoadCaseDefinition(string Name, string Type, string Surface, Vector3d Direction, YamlField Field);
