using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;
using TwinPlatform.Testing;

namespace TwinPlatform.Plugins.CalculiX.Tests;

public sealed class CalculixSolverTests
{
    [Fact]
    public void Solve_Hex20Deck_ReturnsTheFieldsCcxWrites()
    {
        TestData.RequireCcx();
        var problem = FeProblem.FromFile(TestData.File("hex20.inp"));

        var solution = new CalculixSolver().Solve(problem, new FeSolveOptions { Threads = 1 });

        Assert.Equal("ccx", solution.SolverName);
        Assert.StartsWith("Version 2.", solution.SolverVersion, StringComparison.Ordinal);
        Assert.Equal(2, solution.Steps.Count);
        Assert.True(solution.WallTime > TimeSpan.Zero);
        var statics = solution.Steps[0];
        Assert.Equal(DeckStepKind.Static, statics.Kind);
        var n5 = solution.IndexOfNode(5);
        Assert.Equal(7.20934E-04, statics.Displacements![(3 * n5) + 2], 1e-9);
        Assert.NotNull(statics.Stresses);
        Assert.NotNull(statics.Reactions);
        var modes = solution.Steps[1].Modes;
        Assert.Equal(3, modes.Count);
        Assert.Equal(596545.5359, modes[0].FrequencyHz, 1e-3);
        Assert.NotNull(modes[0].Shape);
    }

    [Fact]
    public void Solve_ElPrintStress_PointTableInCommonComponentOrder()
    {
        TestData.RequireCcx();
        var problem = FeProblem.FromFile(TestData.File("hex20.inp"));

        var solution = new CalculixSolver().Solve(problem, new FeSolveOptions { Threads = 1 });

        // The deck asks *EL PRINT, S for EALL: one C3D20 element, 27 points; the frequency step has no point table.
        var table = solution.Steps[0].PointStresses!;
        Assert.Equal([1], table.ElementIds);
        Assert.Equal([0, 27], table.Offsets);
        Assert.Equal(6, table.Components);
        Assert.Null(solution.Steps[1].PointStresses);

        // ccx prints xx, yy, zz, xy, xz, yz; the common order is xx, yy, zz, xy, yz, zx.
        var printed = DatReader.ReadPointTables(TestData.File("hex20.dat")).First(static t => t.TotalTime == 1);
        for (var p = 0; p < 27; p++)
        {
            int[] from = [0, 1, 2, 3, 5, 4];
            for (var k = 0; k < 6; k++)
            {
                var expected = printed.Values[(6 * p) + from[k]];
                Assert.Equal(expected, table.Values[(6 * p) + k], Math.Abs(expected) * 1e-5 + 1e-9);
            }
        }
    }

    [Fact]
    public void Solve_WorkingDirectory_KeepsTheJobDeckWithTheAddedOutputRequests()
    {
        TestData.RequireCcx();
        var folder = RepoPaths.NewTempFolder("ccx-job");
        var problem = FeProblem.FromFile(TestData.File("heat8.inp"));

        var solution = new CalculixSolver().Solve(problem, new FeSolveOptions { Threads = 1, WorkingDirectory = folder });

        var job = File.ReadAllText(Path.Combine(folder, "job.inp"));
        Assert.Contains("*NODE FILE\nNT, RFL\n*EL FILE\nHFL\n*END STEP", job, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "job.frd")));
        var t = solution.Steps[0].Temperatures!;
        Assert.Equal(5200.0 / 60, t[solution.IndexOfNode(8)], 1e-3);
    }

    [Fact]
    public void Solve_InvertedElement_ReportsTheCcxError()
    {
        TestData.RequireCcx();
        var folder = RepoPaths.NewTempFolder("ccx-bad");
        var deck = Path.Combine(folder, "inverted.inp");
        File.WriteAllText(deck, """
            *NODE
            1, 0, 0, 0
            2, 0, 1, 0
            3, 1, 0, 0
            4, 0, 0, 1
            *ELEMENT, TYPE=C3D4, ELSET=EALL
            1, 1, 2, 3, 4
            *MATERIAL, NAME=M
            *ELASTIC
            1000., 0.3
            *SOLID SECTION, ELSET=EALL, MATERIAL=M
            *BOUNDARY
            1, 1, 3
            2, 1, 3
            3, 1, 3
            *STEP
            *STATIC
            *CLOAD
            4, 3, 1.
            *END STEP
            """);

        var e = Assert.Throws<ExternalSolverException>(() => new CalculixSolver().Solve(FeProblem.FromFile(deck), new FeSolveOptions { Threads = 1 }));

        Assert.Contains("*ERROR", e.Message, StringComparison.Ordinal);
        Assert.Contains("inverted.inp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_MissingExecutable_SaysHowToInstall()
    {
        var problem = FeProblem.FromFile(TestData.File("heat8.inp"));
        var solver = new CalculixSolver(new CalculixOptions { Executable = "/nonexistent/ccx" });

        var e = Assert.Throws<ExternalSolverException>(() => solver.Solve(problem, new FeSolveOptions()));

        Assert.Contains("apt-get install calculix-ccx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_Configure_RegistersCcx()
    {
        var registry = SolverRegistry.CreateDefault().AddModule(new CalculixModule());

        Assert.Equal(["builtin", "ccx"], registry.Names);
        Assert.IsType<CalculixSolver>(registry.Get("CCX"));
    }
}
