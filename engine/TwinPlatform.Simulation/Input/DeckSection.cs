namespace TwinPlatform.Simulation.Input;

/// <summary>A <c>*SOLID SECTION</c>: the material of an element set.</summary>
/// <param name="ElementSet">Element set name.</param>
/// <param name="Material">Material name.</param>
/// <param name="Location">The keyword line.</param>
public sealed record DeckSection(string ElementSet, string Material, DeckLocation Location);
