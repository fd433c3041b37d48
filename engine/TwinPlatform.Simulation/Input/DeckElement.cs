namespace TwinPlatform.Simulation.Input;

/// <summary>One element of a deck: its number, type and node numbers (deck numbering, CalculiX node order).</summary>
/// <param name="Id">Element number as written in the deck.</param>
/// <param name="Type">Element type.</param>
/// <param name="Nodes">Node numbers as written in the deck, <see cref="DeckElementTypes.NodeCount"/> of them.</param>
/// <param name="Location">The data line that defined it.</param>
public sealed record DeckElement(int Id, DeckElementType Type, int[] Nodes, DeckLocation Location);
