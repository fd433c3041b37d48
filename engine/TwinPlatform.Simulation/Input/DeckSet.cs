namespace TwinPlatform.Simulation.Input;

/// <summary>A named node or element set of a deck.</summary>
/// <param name="Name">Name as first written (lookups ignore case, as CalculiX does).</param>
/// <param name="Ids">Sorted unique node or element numbers.</param>
/// <param name="Location">The keyword line that first defined it.</param>
public sealed record DeckSet(string Name, int[] Ids, DeckLocation Location);
