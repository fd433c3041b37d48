namespace TwinPlatform.Simulation.Input;

/// <summary>A line of a deck file: where a keyword, data line or definition came from.</summary>
/// <param name="File">Path of the file as it was opened (the deck, or a file it includes).</param>
/// <param name="Line">1-based line number.</param>
public readonly record struct DeckLocation(string File, int Line)
{
    /// <summary><c>file:line</c>, the form editors and CI logs link to.</summary>
    public override string ToString() => $"{File}:{Line}";
}
