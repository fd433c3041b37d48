namespace TwinPlatform.Simulation.Input;

/// <summary>A degree of freedom of a deck node.</summary>
/// <param name="Node">Node number as written in the deck.</param>
/// <param name="Dof">CalculiX degree of freedom: 1, 2, 3 (displacement x, y, z) or 11 (temperature).</param>
public readonly record struct NodeDof(int Node, int Dof);
