namespace TwinPlatform.Simulation.Input;

/// <summary>A <c>*NODE PRINT</c> or <c>*EL PRINT</c> request: tabulate variables over a set.</summary>
/// <param name="Set">Node set (node print) or element set (element print) name; empty for the whole model.</param>
/// <param name="Variables">Upper-case variable names (U, RF, NT, RFL; S, E, HFL).</param>
/// <param name="Location">The keyword line.</param>
public sealed record DeckPrintRequest(string Set, IReadOnlyList<string> Variables, DeckLocation Location);
