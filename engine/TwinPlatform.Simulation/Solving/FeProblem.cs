using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Simulation.Solving;

/// <summary>What a solver is asked to solve: a parsed and checked deck, and the file it came from.</summary>
public sealed class FeProblem
{
    /// <summary>Wraps an already parsed deck.</summary>
    public FeProblem(InpDeck deck)
    {
        ArgumentNullException.ThrowIfNull(deck);
        Deck = deck;
    }

    /// <summary>The deck.</summary>
    public InpDeck Deck { get; }

    /// <summary>Name for reports: the deck file name without folder and extension.</summary>
    public string Name => Path.GetFileNameWithoutExtension(Deck.SourceFile);

    /// <summary>Reads and checks the deck at <paramref name="path"/>.</summary>
    /// <exception cref="TwinPlatform.Core.InputFileException">The deck is malformed or inconsistent.</exception>
    public static FeProblem FromFile(string path) => new(InpReader.Read(path));
}
