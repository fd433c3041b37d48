using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TwinPlatform.Cli.Commands;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;
using TwinPlatform.Testing;
using TwinPlatform.Verification.Tests.Agreement;

namespace TwinPlatform.Verification.Tests.Cli;

/// <summary><c>twin solve</c> run in process on small decks: outputs, summary, comparison table, error reports.</summary>
[Collection(SolverCollection.Name)]
public sealed partial class SolveCommandTests
{
    [Fact]
    public void Execute_BarDeck_WritesResultJsonVtuAndSummary()
    {
        var (deck, folder) = WriteBar(DeckElementType.C3D10);
        var output = Path.Combine(folder, "out");

        var (code, stdout, stderr) = Run(new SolveRequest(deck) { Output = output, Threads = 2 });

        Assert.True(code == 0, stderr);
        Assert.Contains("== bar: ", stdout, StringComparison.Ordinal);
        Assert.Contains("max |u|", stdout, StringComparison.Ordinal);
        Assert.Contains("max von Mises", stdout, StringComparison.Ordinal);
        Assert.Contains("frequencies (Hz)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\[\s*\d+\.\ds\] solving ", stderr);

        // result.json holds the same displacements as a direct solve of the deck (to the iterative tolerance).
        var direct = new BuiltInSolver().Solve(FeProblem.FromFile(deck), new FeSolveOptions { Threads = 2 });
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        var steps = json.RootElement.GetProperty("steps");
        Assert.Equal(3, steps.GetArrayLength());
        var u = steps[0].GetProperty("fields").GetProperty("displacement").GetProperty("values");
        Assert.Equal(direct.NodeIds.Length * 3, u.GetArrayLength());
        var scale = direct.Steps[0].Displacements!.Max(Math.Abs);
        for (var k = 0; k < u.GetArrayLength(); k++)
        {
            Assert.True(Math.Abs(u[k].GetDouble() - direct.Steps[0].Displacements![k]) <= 1e-6 * scale, $"displacement value {k}");
        }

        var modes = steps[2].GetProperty("modes");
        Assert.Equal(4, modes.GetArrayLength());
        Assert.Equal(direct.Steps[2].Modes[0].FrequencyHz, modes[0].GetProperty("frequency_hz").GetDouble(), direct.Steps[2].Modes[0].FrequencyHz * 1e-6);

        // result.vtu: VTK XML unstructured grid with every node, 10-node tetrahedra (VTK type 24) and the fields.
        var vtu = XDocument.Load(Path.Combine(output, "result.vtu"));
        var piece = vtu.Descendants("Piece").Single();
        Assert.Equal(direct.NodeIds.Length, int.Parse(piece.Attribute("NumberOfPoints")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("UInt64", (string?)vtu.Root!.Attribute("header_type"));
        var types = vtu.Descendants("DataArray").Single(a => (string?)a.Attribute("Name") == "types");
        Assert.Equal("binary", (string?)types.Attribute("format"));
        var typeBytes = Convert.FromBase64String(types.Value.Trim());
        var cells = int.Parse(piece.Attribute("NumberOfCells")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(cells, BitConverter.ToInt64(typeBytes, 0));
        Assert.Equal(FeProblem.FromFile(deck).Deck.Elements.Count, cells);
        Assert.All(typeBytes[8..], t => Assert.Equal(24, t));
        var names = vtu.Descendants("PointData").Single().Elements("DataArray").Select(a => (string?)a.Attribute("Name")).ToList();
        Assert.Contains("step1_displacement", names);
        Assert.Contains("step1_von_mises", names);
        Assert.Contains("step2_temperature", names);
    }

    [Fact]
    public void Execute_CompareCcx_PrintsLargestDifferencesWithinTheAgreementTolerances()
    {
        var (deck, folder) = WriteBar(DeckElementType.C3D20R);

        var (code, stdout, stderr) = Run(new SolveRequest(deck) { Output = Path.Combine(folder, "out"), Compare = "ccx", Threads = 2, Mass = MassIntegration.StiffnessRule });

        Assert.True(code == 0, stderr);
        Assert.Contains("== ccx vs builtin", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "out", "ccx", "result.json")), stdout);

        // Same tolerances as the agreement tests: displacement and temperature 0.1 %, frequencies 0.1 %.
        Assert.True(Percent(stdout, "displacement") < 0.1, stdout);
        Assert.True(Percent(stdout, "temperature") < 0.1, stdout);
        var modes = ModeDiff().Matches(stdout);
        Assert.Equal(4, modes.Count);
        Assert.All(modes, m => Assert.True(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < 0.1, m.Value));
        Assert.Contains("note      reaction: ccx's RF", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UnsupportedKeyword_ExitCode2NamingFileLineAndKeyword()
    {
        var (deck, _) = WriteBar(DeckElementType.C3D8);
        var lines = File.ReadAllLines(deck).ToList();
        var at = lines.FindIndex(l => l.StartsWith("*DENSITY", StringComparison.Ordinal));
        lines[at] = "*PLASTIC";
        File.WriteAllLines(deck, lines);

        var (code, _, stderr) = Run(new SolveRequest(deck));

        Assert.Equal(2, code);
        Assert.Contains($"bar.inp:{at + 1}:", stderr, StringComparison.Ordinal);
        Assert.Contains("*PLASTIC", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_OneNodeHeld_ExitCode3NamingTheFreeRotations()
    {
        var (deck, folder) = WriteBar(DeckElementType.C3D8);
        var text = File.ReadAllText(deck).Replace("*BOUNDARY\nFIXED, 1, 3\n", "*BOUNDARY\n1, 1, 3\n", StringComparison.Ordinal);
        File.WriteAllText(deck, text);

        var (code, _, stderr) = Run(new SolveRequest(deck) { Output = Path.Combine(folder, "out") });

        Assert.Equal(3, code);
        Assert.Contains("3 rigid-body motions free", stderr, StringComparison.Ordinal);
        Assert.Contains("rotation about", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UnknownSolver_ExitCode2()
    {
        var (deck, folder) = WriteBar(DeckElementType.C3D8);

        var (code, _, stderr) = Run(new SolveRequest(deck) { Output = Path.Combine(folder, "out"), Solver = "nastran" });

        Assert.Equal(2, code);
        Assert.Contains("nastran", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exact", MassIntegration.Exact)]
    [InlineData("stiffness-rule", MassIntegration.StiffnessRule)]
    [InlineData("lumped", null)]
    public void ParseMass_Name_GivesTheIntegration(string name, MassIntegration? expected) =>
        Assert.Equal(expected, SolveCommand.ParseMass(name));

    private static (string Deck, string Folder) WriteBar(DeckElementType type)
    {
        var folder = RepoPaths.NewTempFolder("cli-" + type);
        var deck = Path.Combine(folder, "bar.inp");
        File.WriteAllText(deck, (new BarDeck(type, 100, 10, 10, 6, 1, 2).MeshText() + ElementAgreementTests.Steps + "\n").ReplaceLineEndings("\n"));
        return (deck, folder);
    }

    private static (int Code, string Stdout, string Stderr) Run(SolveRequest request)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SolveCommand.Execute(request, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The "max diff" percentage printed for <paramref name="field"/>.</summary>
    private static double Percent(string text, string field)
    {
        var m = Regex.Match(text, $@"^\s+{field}\s+max diff\s+([0-9.]+) %", RegexOptions.Multiline);
        Assert.True(m.Success, $"no {field} line in\n{text}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s+mode \d+ .* diff\s+([0-9.]+) %", RegexOptions.Multiline)]
    private static partial Regex ModeDiff();
}
