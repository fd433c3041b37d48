using System.Text;
using TwinPlatform.Core;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>
/// CalculiX (ccx) behind <see cref="IFeSolver"/>: writes the deck as one self-contained file, runs ccx, and
/// reads its .frd (and .dat) results back into the common <see cref="FeSolution"/>.
/// </summary>
/// <remarks>
/// <para>The job deck is <see cref="InpWriter"/>'s: node, element, set and surface data regenerated from the
/// parsed deck (so gmsh mesh includes reach ccx as plain cards), every other card as the user wrote it. Before
/// each <c>*END STEP</c> the plugin adds the output it needs to compare: <c>*NODE FILE U, RF</c> and
/// <c>*EL FILE S</c> for static steps, <c>*NODE FILE NT, RFL</c> and <c>*EL FILE HFL</c> for heat transfer,
/// <c>*NODE FILE U</c> for frequency steps. ccx extrapolates stresses and fluxes to the nodes and averages them
/// over the elements there, like the built-in solver. ccx's RF and RFL are internal nodal forces at every node;
/// they are kept at the constrained dofs only, where they are the reactions.</para>
/// <para>Threads: OMP_NUM_THREADS and CCX_NPROC_EQUATION_SOLVER. Wall time is the ccx process run; peak memory
/// is its VmHWM sampled from /proc every <see cref="CalculixOptions.MemorySampleInterval"/> (null when the run
/// ends before the first sample).</para>
/// </remarks>
public sealed class CalculixSolver : IFeSolver
{
    /// <summary>Creates the solver.</summary>
    public CalculixSolver(CalculixOptions? options = null)
    {
        Options = options ?? new CalculixOptions();
    }

    /// <summary>How ccx is run.</summary>
    public CalculixOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "ccx";

    /// <summary>True when <paramref name="executable"/> is a path to an existing file or a program on PATH.</summary>
    public static bool IsAvailable(string executable = "ccx")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(executable);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, executable)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The output cards the plugin adds before a step's <c>*END STEP</c>.</summary>
    public static string OutputCards(DeckStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Kind switch
        {
            DeckStepKind.Static => "*NODE FILE\nU, RF\n*EL FILE\nS\n",
            DeckStepKind.HeatTransfer => "*NODE FILE\nNT, RFL\n*EL FILE\nHFL\n",
            _ => "*NODE FILE\nU\n",
        };
    }

    /// <inheritdoc/>
    public FeSolution Solve(FeProblem problem, FeSolveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var deck = problem.Deck;
        if (deck.Steps.Count == 0)
        {
            throw new InputFileException(deck.SourceFile, 0, 0, "*STEP", "the deck has no *STEP: nothing to solve");
        }

        var temporary = options.WorkingDirectory is null;
        var folder = options.WorkingDirectory ?? Path.Combine(Path.GetTempPath(), "twinplatform-ccx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            const string job = "job";
            using (var writer = new StreamWriter(Path.Combine(folder, job + ".inp"), false, new UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                InpWriter.Write(deck, writer, OutputCards);
            }

            var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
            var environment = new Dictionary<string, string>
            {
                ["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CCX_NPROC_EQUATION_SOLVER"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            options.Progress?.Report($"ccx: {Options.Executable} -i {job} in {folder} ({threads} threads)");
            var (exitCode, output, wall, peak) = ProcessRun.Run(Options.Executable, ["-i", job], folder, environment, Options.Timeout, Options.MemorySampleInterval, cancellationToken);
            var errors = ErrorLines(output);
            if (errors.Length > 0 || exitCode != 0)
            {
                var detail = errors.Length > 0 ? errors : Tail(output, 15);
                throw new ExternalSolverException($"ccx failed (exit code {exitCode}) on {deck.SourceFile} (job deck {Path.Combine(folder, job + ".inp")}):\n{detail}");
            }

            options.Progress?.Report($"ccx: finished in {wall.TotalSeconds:F2} s");
            var frdPath = Path.Combine(folder, job + ".frd");
            if (!File.Exists(frdPath))
            {
                throw new ExternalSolverException($"ccx wrote no {job}.frd in {folder}:\n{Tail(output, 15)}");
            }

            FrdFile frd;
            try
            {
                frd = FrdReader.Read(frdPath);
            }
            catch (InvalidDataException e)
            {
                throw new ExternalSolverException($"cannot read the ccx results: {e.Message}", e);
            }

            var datPath = Path.Combine(folder, job + ".dat");
            var eigen = File.Exists(datPath) ? DatReader.ReadEigenvalues(datPath) : [];
            var pointTables = File.Exists(datPath) ? DatReader.ReadPointTables(datPath) : [];
            return new FeSolution
            {
                SolverName = Name,
                SolverVersion = frd.Version,
                NodeIds = frd.NodeIds,
                Steps = MapSteps(deck, frd, eigen, pointTables),
                WallTime = wall,
                PeakMemoryBytes = peak,
                Threads = threads,
                Warnings = [.. deck.Warnings],
            };
        }
        finally
        {
            if (temporary && !Options.KeepFiles)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static List<FeStepResult> MapSteps(InpDeck deck, FrdFile frd, IReadOnlyList<IReadOnlyList<DatEigenvalue>> eigen, IReadOnlyList<DatPointTable> pointTables)
    {
        var index = new Dictionary<int, int>(frd.NodeIds.Length);
        for (var i = 0; i < frd.NodeIds.Length; i++)
        {
            index[frd.NodeIds[i]] = i;
        }

        var steps = new List<FeStepResult>();
        var frequencyStep = 0;
        foreach (var step in deck.Steps)
        {
            FrdBlock? Find(string name)
            {
                FrdBlock? last = null;
                foreach (var b in frd.Blocks)
                {
                    if (b.Step == step.Number && b.Name == name && b.Mode == 0)
                    {
                        last = b;
                    }
                }

                return last;
            }

            switch (step.Kind)
            {
                case DeckStepKind.Static:
                    steps.Add(new FeStepResult
                    {
                        StepNumber = step.Number,
                        Kind = step.Kind,
                        Displacements = Field(Find("DISP"), 3, index),
                        Stresses = Field(Find("STRESS"), 6, index),
                        Reactions = Constrained(Field(Find("FORC"), 3, index), step, frd.NodeIds, 1),
                        PointStresses = DatPointMapping.ForStep(pointTables, "stresses", step.Number),
                    });
                    break;
                case DeckStepKind.HeatTransfer:
                    steps.Add(new FeStepResult
                    {
                        StepNumber = step.Number,
                        Kind = step.Kind,
                        Temperatures = Field(Find("NDTEMP"), 1, index),
                        HeatFlux = Field(Find("FLUX"), 3, index),
                        ReactionHeatFlow = Constrained(Field(Find("RFL"), 1, index), step, frd.NodeIds, 11),
                        PointHeatFlux = DatPointMapping.ForStep(pointTables, "heat flux", step.Number),
                    });
                    break;
                default:
                    var modes = new List<FeMode>();
                    foreach (var b in frd.Blocks)
                    {
                        if (b.Step == step.Number && b.Name == "DISP" && b.Mode > 0)
                        {
                            modes.Add(new FeMode(b.Mode, b.Value, Field(b, 3, index)));
                        }
                    }

                    if (modes.Count == 0 && frequencyStep < eigen.Count)
                    {
                        foreach (var row in eigen[frequencyStep])
                        {
                            modes.Add(new FeMode(row.Mode, row.FrequencyHz, null));
                        }
                    }

                    frequencyStep++;
                    steps.Add(new FeStepResult { StepNumber = step.Number, Kind = step.Kind, Modes = modes });
                    break;
            }
        }

        return steps;
    }

    /// <summary>The block's values in node-block order (zero for nodes the block does not list), or null.</summary>
    private static double[]? Field(FrdBlock? block, int components, Dictionary<int, int> index)
    {
        if (block is null)
        {
            return null;
        }

        if (block.Components.Count != components)
        {
            throw new ExternalSolverException($"ccx result block {block.Name} has {block.Components.Count} components; expected {components}");
        }

        var values = new double[components * index.Count];
        for (var i = 0; i < block.NodeIds.Length; i++)
        {
            if (index.TryGetValue(block.NodeIds[i], out var n))
            {
                Array.Copy(block.Values, components * i, values, components * n, components);
            }
        }

        return values;
    }

    /// <summary>
    /// ccx's RF (and RFL) is the internal nodal force K u at every node, which equals the applied load at loaded
    /// free nodes; the common result holds reactions at constrained dofs only, so the others are zeroed.
    /// </summary>
    private static double[]? Constrained(double[]? values, DeckStep step, int[] nodeIds, int firstDof)
    {
        if (values is null)
        {
            return null;
        }

        var components = firstDof == 11 ? 1 : 3;
        for (var n = 0; n < nodeIds.Length; n++)
        {
            for (var c = 0; c < components; c++)
            {
                if (!step.Boundaries.ContainsKey(new NodeDof(nodeIds[n], firstDof + c)))
                {
                    values[(components * n) + c] = 0;
                }
            }
        }

        return values;
    }

    /// <summary>Every <c>*ERROR</c> message of the ccx output with its continuation lines (up to the next blank line).</summary>
    private static string ErrorLines(string output)
    {
        var lines = new List<string>();
        var inError = false;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Contains("*ERROR", StringComparison.Ordinal))
            {
                inError = true;
            }
            else if (line.Length == 0)
            {
                inError = false;
            }

            if (inError)
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines);
    }

    private static string Tail(string output, int count)
    {
        var all = output.TrimEnd().Split('\n');
        return string.Join('\n', all[Math.Max(0, all.Length - count)..]);
    }
}
