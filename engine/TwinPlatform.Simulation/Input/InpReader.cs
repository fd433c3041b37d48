using TwinPlatform.Core;

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// Reads CalculiX/Abaqus input decks (.inp) into an <see cref="InpDeck"/>; see docs/solver.md for the keywords
/// and parameters it accepts.
/// </summary>
/// <remarks>
/// <para>Keyword lines are case-insensitive with comma-separated parameters and may continue on the next line
/// after a trailing comma; <c>**</c> starts a comment; data lines may end with a comma; element lines continue
/// while they end with a comma. <c>*INCLUDE, INPUT=file</c> is expanded in place, relative to the including
/// file; <c>*INCLUDE, INPUT=mesh.msh</c> reads a gmsh MSH 4.1 mesh (nodes, tetrahedra, and physical groups as
/// NSET, ELSET and SURFACE).</para>
/// <para>Anything the engine cannot honour - an unknown keyword, parameter, element type, load label or output
/// variable - is refused with an <see cref="InputFileException"/> naming the file, line and keyword; nothing is
/// skipped silently. Inconsistent decks (undefined sets, missing nodes, wrong node counts, elements without a
/// section, materials lacking the constants a step needs) are refused the same way.</para>
/// </remarks>
public static class InpReader
{
    /// <summary>Reads and checks the deck in <paramref name="path"/>.</summary>
    /// <exception cref="InputFileException">The deck is malformed, inconsistent or uses something unsupported.</exception>
    /// <exception cref="FileNotFoundException">The deck does not exist.</exception>
    public static InpDeck Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var cards = InpLexer.Read(path);
        return new InpParser(path).Parse(cards);
    }

    /// <summary>Reads a deck from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors and includes resolve against <paramref name="baseDirectory"/>.</summary>
    public static InpDeck Read(TextReader reader, string fileName, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var cards = InpLexer.Read(reader, fileName, baseDirectory ?? Directory.GetCurrentDirectory());
        return new InpParser(fileName).Parse(cards);
    }

    internal static InputFileException Error(DeckLocation location, int column, string field, string reason) =>
        new(location.File, location.Line, column, field, reason);
}
