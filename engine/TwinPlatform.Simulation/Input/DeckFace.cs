namespace TwinPlatform.Simulation.Input;

/// <summary>A face of a deck element.</summary>
/// <param name="Element">Element number as written in the deck.</param>
/// <param name="Face">1-based CalculiX face number (S1..S6, P1..P6, F1..F6).</param>
public readonly record struct DeckFace(int Element, int Face);
