using TwinPlatform.Core;
using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Verification.Tests.Input;

/// <summary>A malformed or inconsistent deck is refused with the file, the line and what is wrong.</summary>
public sealed class InpReaderErrorTests
{
    public static TheoryData<string, string, int, string> BadDecks => new()
    {
        // name, deck text, line of the error, fragment of the reason
        { "unknown keyword", Decks.CubeMesh + "\n*CONTACT PAIR, INTERACTION=X", 16, "*CONTACT PAIR is not supported" },
        { "unknown parameter", "*NODE, SYSTEM=C\n1, 0, 0, 0", 1, "parameter SYSTEM is not supported" },
        { "unknown element type", "*NODE\n1, 0, 0, 0\n*ELEMENT, TYPE=S8R\n1, 1", 3, "element type S8R is not supported" },
        { "wrong node count", "*NODE\n1, 0, 0, 0\n*ELEMENT, TYPE=C3D10\n7, 1, 1, 1, 1", 4, "element 7 has 4 nodes; C3D10 needs 10" },
        { "missing node", Decks.CubeMesh.Replace("1, 1, 2, 3, 4, 5, 6, 7, 8", "1, 1, 2, 3, 4, 5, 6, 7, 99", StringComparison.Ordinal), 11, "refers to node 99, which is not defined" },
        { "duplicate node", "*NODE\n1, 0, 0, 0\n2, 1, 0, 0\n1, 0, 1, 0", 4, "node 1 is defined twice" },
        { "undefined set", Decks.CubeStatic.Replace("BOTTOM, 1, 3", "BOTOM, 1, 3", StringComparison.Ordinal), 23, "node set 'BOTOM' is not defined" },
        { "element set for a node set", Decks.CubeStatic.Replace("BOTTOM, 1, 3", "EALL, 1, 3", StringComparison.Ordinal), 23, "an element set has that name" },
        { "set holds a missing node", Decks.CubeMesh + "\n*NSET, NSET=X\n1, 42", 17, "holds node 42, which is not defined" },
        { "no elastic constants", Decks.CubeStatic.Replace("*ELASTIC\n210000., 0.3\n", string.Empty, StringComparison.Ordinal), 16, "has no *ELASTIC constants, which the *STATIC step" },
        { "no density for gravity", Decks.CubeStatic.Replace("*DENSITY\n7.85E-9\n", string.Empty, StringComparison.Ordinal).Replace("TOP, 3, 10.", "TOP, 3, 10.\n*DLOAD\nEALL, GRAV, 9810., 0, 0, -1", StringComparison.Ordinal), 16, "no *DENSITY, which the GRAV load" },
        { "element without section", Decks.CubeStatic.Replace("*SOLID SECTION, ELSET=EALL, MATERIAL=STEEL\n", string.Empty, StringComparison.Ordinal), 11, "element 1 has no material" },
        { "undefined material", Decks.CubeStatic.Replace("MATERIAL=STEEL", "MATERIAL=ALU", StringComparison.Ordinal), 21, "material 'ALU' is not defined" },
        { "step without procedure", Decks.CubeStatic.Replace("*STATIC\n", string.Empty, StringComparison.Ordinal), 25, "comes before the step's procedure" },
        { "unterminated step", Decks.CubeStatic.Replace("*END STEP", "** no end", StringComparison.Ordinal), 24, "*STEP without *END STEP" },
        { "rotational dof", Decks.CubeStatic.Replace("BOTTOM, 1, 3", "BOTTOM, 4, 6", StringComparison.Ordinal), 23, "rotations (4-6) do not exist" },
        { "boundary type name", Decks.CubeStatic.Replace("BOTTOM, 1, 3", "BOTTOM, ENCASTRE", StringComparison.Ordinal), 23, "boundary type 'ENCASTRE' is not supported" },
        { "data before keyword", "1, 0, 0, 0\n*NODE", 1, "data line before the first keyword" },
        { "flux in a static step", Decks.CubeStatic.Replace("TOP, 3, 10.", "TOP, 3, 10.\n*DFLUX\n1, S2, 5.", StringComparison.Ordinal), 28, "needs a *HEAT TRANSFER, STEADY STATE step" },
        { "face out of range", Decks.CubeStatic.Replace("TOP, 3, 10.", "TOP, 3, 10.\n*DLOAD\n1, P7, 5.", StringComparison.Ordinal), 29, "its faces are 1..6, not 7" },
        { "body flux", Decks.CubeStatic.Replace("*STATIC", "*HEAT TRANSFER, STEADY STATE", StringComparison.Ordinal).Replace("*CLOAD\nTOP, 3, 10.", "*DFLUX\nEALL, BF, 5.", StringComparison.Ordinal).Replace("*ELASTIC", "*CONDUCTIVITY\n50.\n*ELASTIC", StringComparison.Ordinal), 29, "load label 'BF' is not supported" },
        { "unsupported output", Decks.CubeStatic.Replace("U, RF", "U, PEEQ", StringComparison.Ordinal), 29, "output variable PEEQ is not supported" },
        { "transient heat", Decks.CubeStatic.Replace("*STATIC", "*HEAT TRANSFER", StringComparison.Ordinal), 25, "transient *HEAT TRANSFER is not supported" },
        { "nonlinear geometry", Decks.CubeStatic.Replace("*STEP", "*STEP, NLGEOM", StringComparison.Ordinal), 24, "NLGEOM" },
        { "frequency range", Decks.CubeStatic.Replace("*STATIC", "*FREQUENCY\n5, 10., 100.", StringComparison.Ordinal).Replace("*CLOAD\nTOP, 3, 10.\n", string.Empty, StringComparison.Ordinal), 26, "frequency range" },
        { "bad number", "*NODE\n1, 0, 1.0.0, 0", 2, "y coordinate '1.0.0' is not a number" },
        { "temperature-dependent elastic", Decks.CubeStatic.Replace("210000., 0.3", "210000., 0.3, 20.\n200000., 0.3, 400.", StringComparison.Ordinal), 19, "temperature-dependent *ELASTIC" },
        { "model data inside a step", Decks.CubeStatic.Replace("*CLOAD", "*NODE\n100, 0, 0, 0\n*CLOAD", StringComparison.Ordinal), 26, "model data" },
    };

    [Theory]
    [MemberData(nameof(BadDecks))]
    public void Read_BadDeck_ReportsFileLineAndReason(string name, string text, int line, string reason)
    {
        var folder = new DeckFolder();
        var path = folder.Write("bad.inp", text);

        var e = Assert.Throws<InputFileException>(() => InpReader.Read(path));

        Assert.True(e.File == path, $"{name}: error in file {e.File}, expected {path}");
        Assert.True(e.Line == line, $"{name}: error at line {e.Line}, expected {line}: {e.Message}");
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}", e.Message, StringComparison.Ordinal);
    }
}
