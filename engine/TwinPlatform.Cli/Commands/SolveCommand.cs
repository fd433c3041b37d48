using System.CommandLine;
using TwinPlatform.Core;
using TwinPlatform.Plugins.CalculiX;
using TwinPlatform.Simulation;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Output;
using TwinPlatform.Simulation.Solvers;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin solve DECK.inp [-o DIR] [--solver builtin|ccx] [--compare ccx] [--mass exact|stiffness-rule] [--threads N]</c>:
/// solve a CalculiX/Abaqus deck, write DIR/result.json and DIR/result.vtu, print a summary (and, with --compare, the
/// largest differences to the second solver). Exit codes: 0 solved, 2 bad deck or arguments, 3 ill-posed model
/// (for example under-constrained), 4 no convergence, 5 external solver failure.
/// </summary>
internal static class SolveCommand
{
    public static Command Create()
    {
        var deck = new Argument<string>("deck") { Description = "CalculiX/Abaqus input deck (.inp); gmsh meshes come in through *INCLUDE, INPUT=mesh.msh" };
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: out/<deck name>)" };
        var solver = new Option<string>("--solver") { Description = "Solver: builtin or ccx", DefaultValueFactory = _ => "builtin" };
        var compare = new Option<string?>("--compare") { Description = "Also solve with this solver (ccx) and print the largest differences node by node" };
        var mass = new Option<string>("--mass") { Description = "Built-in mass matrix: exact (consistent, default) or stiffness-rule (integrated like CalculiX)", DefaultValueFactory = _ => "exact" };
        var threads = new Option<int>("--threads", "-t") { Description = "Threads per solver (default: all processors)", DefaultValueFactory = _ => -1 };
        var command = new Command("solve", "Solve a CalculiX/Abaqus deck: static, steady heat transfer, natural frequencies") { deck, output, solver, compare, mass, threads };
        command.SetAction((result, ct) =>
        {
            var massName = result.GetValue(mass)!;
            if (ParseMass(massName) is not { } integration)
            {
                Console.Error.WriteLine($"error: --mass {massName}: expected exact or stiffness-rule");
                return Task.FromResult(2);
            }

            var request = new SolveRequest(result.GetValue(deck)!)
            {
                Output = result.GetValue(output),
                Solver = result.GetValue(solver)!,
                Compare = result.GetValue(compare),
                Threads = result.GetValue(threads),
                Mass = integration,
            };
            return Task.FromResult(Execute(request, Console.Out, Console.Error, ct));
        });
        return command;
    }

    /// <summary>The mass integration named <paramref name="name"/> (exact, stiffness-rule), or null.</summary>
    internal static MassIntegration? ParseMass(string name) => name.ToUpperInvariant() switch
    {
        "EXACT" or "CONSISTENT" => MassIntegration.Exact,
        "STIFFNESS-RULE" or "CCX" => MassIntegration.StiffnessRule,
        _ => null,
    };

    /// <summary>Runs the command: results and summary on <paramref name="output"/>, progress and errors on <paramref name="error"/>.</summary>
    internal static int Execute(SolveRequest request, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var progress = new SolveProgress(error);
        try
        {
            var problem = FeProblem.FromFile(request.Deck);
            foreach (var warning in problem.Deck.Warnings)
            {
                error.WriteLine("warning: " + warning);
            }

            var registry = SolverRegistry.CreateDefault().AddModule(new CalculixModule());
            var primary = registry.Get(request.Solver);
            var secondary = request.Compare is null ? null : registry.Get(request.Compare);
            var dir = Path.GetFullPath(request.Output ?? Path.Combine("out", problem.Name));
            Directory.CreateDirectory(dir);
            var options = new FeSolveOptions { Threads = request.Threads, Progress = progress, MassIntegration = request.Mass };

            progress.Report($"solving {request.Deck} with {primary.Name}");
            var solution = primary.Solve(problem, options with { WorkingDirectory = primary.Name == "builtin" ? null : Path.Combine(dir, primary.Name) }, ct);
            var json = Path.Combine(dir, "result.json");
            var vtu = Path.Combine(dir, "result.vtu");
            ResultJsonWriter.Write(json, problem.Deck, solution);
            SolutionVtuWriter.Write(vtu, problem.Deck, solution);
            output.Write(SolutionReport.Summary(problem, solution));
            output.WriteLine($"wrote     {json}, {vtu}");

            if (secondary is not null)
            {
                progress.Report($"solving {request.Deck} with {secondary.Name} for comparison");
                var otherDir = Path.Combine(dir, secondary.Name);
                Directory.CreateDirectory(otherDir);
                var other = secondary.Solve(problem, options with { WorkingDirectory = otherDir }, ct);
                var otherJson = Path.Combine(otherDir, "result.json");
                ResultJsonWriter.Write(otherJson, problem.Deck, other);
                var comparison = SolutionComparison.Compare(solution, other);
                output.Write(SolutionReport.Comparison(solution, other, comparison));
                foreach (var note in SolveNotes.For(problem.Deck, solution, other, comparison, request.Mass))
                {
                    output.WriteLine("note      " + note);
                }

                output.WriteLine($"wrote     {otherJson}");
            }

            return 0;
        }
        catch (InputFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (KeyNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (ModelException e)
        {
            error.WriteLine($"error: the model cannot be solved: {e.Message}");
            return 3;
        }
        catch (ConvergenceException e)
        {
            error.WriteLine($"error: the solve did not converge: {e.Message}");
            return 4;
        }
        catch (ExternalSolverException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 5;
        }
    }
}
