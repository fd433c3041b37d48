using System.CommandLine;
using TwinPlatform.Core;
using TwinPlatform.Plugins.CalculiX;
using TwinPlatform.Simulation;
using TwinPlatform.Simulation.Output;
using TwinPlatform.Simulation.Solvers;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin solve DECK.inp [-o DIR] [--solver builtin|ccx] [--compare ccx] [--threads N]</c>: solve a CalculiX/Abaqus
/// deck, write DIR/result.json and DIR/result.vtu, print a summary. Exit codes: 0 solved, 2 bad deck or
/// arguments, 3 ill-posed model (for example under-constrained), 4 no convergence, 5 external solver failure.
/// </summary>
internal static class SolveCommand
{
    public static Command Create()
    {
        var deck = new Argument<string>("deck") { Description = "CalculiX/Abaqus input deck (.inp); gmsh meshes come in through *INCLUDE, INPUT=mesh.msh" };
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: out/<deck name>)" };
        var solver = new Option<string>("--solver") { Description = "Solver: builtin or ccx", DefaultValueFactory = _ => "builtin" };
        var compare = new Option<string?>("--compare") { Description = "Also solve with this solver (ccx) and print the largest differences node by node" };
        var threads = new Option<int>("--threads", "-t") { Description = "Threads per solver (default: all processors)", DefaultValueFactory = _ => -1 };
        var command = new Command("solve", "Solve a CalculiX/Abaqus deck: static, steady heat transfer, natural frequencies") { deck, output, solver, compare, threads };
        command.SetAction((result, ct) => Task.FromResult(Execute(result.GetValue(deck)!, result.GetValue(output), result.GetValue(solver)!, result.GetValue(compare), result.GetValue(threads), ct)));
        return command;
    }

    internal static int Execute(string deckPath, string? output, string solverName, string? compareWith, int threads, CancellationToken ct)
    {
        var progress = new ConsoleProgress();
        try
        {
            var problem = FeProblem.FromFile(deckPath);
            foreach (var warning in problem.Deck.Warnings)
            {
                Console.Error.WriteLine("warning: " + warning);
            }

            var registry = SolverRegistry.CreateDefault().AddModule(new CalculixModule());
            var primary = registry.Get(solverName);
            var secondary = compareWith is null ? null : registry.Get(compareWith);
            var dir = Path.GetFullPath(output ?? Path.Combine("out", problem.Name));
            Directory.CreateDirectory(dir);
            var options = new FeSolveOptions { Threads = threads, Progress = progress };

            progress.Report($"solving {deckPath} with {primary.Name}");
            var solution = primary.Solve(problem, options with { WorkingDirectory = primary.Name == "builtin" ? null : Path.Combine(dir, primary.Name) }, ct);
            ResultJsonWriter.Write(Path.Combine(dir, "result.json"), problem.Deck, solution);
            SolutionVtuWriter.Write(Path.Combine(dir, "result.vtu"), problem.Deck, solution);
            Console.Out.Write(SolutionReport.Summary(problem, solution));
            Console.Out.WriteLine($"wrote     {Path.Combine(dir, "result.json")}, {Path.Combine(dir, "result.vtu")}");

            if (secondary is not null)
            {
                progress.Report($"solving {deckPath} with {secondary.Name} for comparison");
                var otherDir = Path.Combine(dir, secondary.Name);
                Directory.CreateDirectory(otherDir);
                var other = secondary.Solve(problem, options with { WorkingDirectory = otherDir }, ct);
                ResultJsonWriter.Write(Path.Combine(otherDir, "result.json"), problem.Deck, other);
                Console.Out.Write(SolutionReport.Comparison(solution, other, SolutionComparison.Compare(solution, other)));
                Console.Out.WriteLine($"wrote     {Path.Combine(otherDir, "result.json")}");
            }

            return 0;
        }
        catch (InputFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (KeyNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (ModelException e)
        {
            Console.Error.WriteLine($"error: the model cannot be solved: {e.Message}");
            return 3;
        }
        catch (ConvergenceException e)
        {
            Console.Error.WriteLine($"error: the solve did not converge: {e.Message}");
            return 4;
        }
        catch (ExternalSolverException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 5;
        }
    }
}
