using System.Diagnostics;
using TwinPlatform.Core;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Solving;

/// <summary>
/// The engine's own finite-element solver behind <see cref="IFeSolver"/>: each deck step becomes a
/// <see cref="Analysis.StaticModel"/>, <see cref="Analysis.HeatTransferModel"/> or
/// <see cref="Analysis.FrequencyModel"/> on the deck's mesh, and the results are mapped back to deck numbering.
/// </summary>
/// <remarks>
/// Loads are applied as the deck states them: concentrated forces per node, pressures, fluxes and films on
/// element faces (grouped into face sets of equal value), gravity and centrifugal loads on the whole model
/// (a body load on part of the model is refused), temperatures with the initial temperatures as the strain-free
/// state. Nodal stresses and fluxes are extrapolated from the integration points and averaged over the elements
/// sharing a node, as CalculiX does. Units are the deck's.
/// </remarks>
public sealed partial class BuiltInSolver : IFeSolver
{
    /// <inheritdoc/>
    public string Name => "builtin";

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

        var clock = Stopwatch.StartNew();
        var mesh = DeckMesh.Build(deck);
        options.Progress?.Report($"mesh: {mesh.Mesh.NodeCount} nodes, {mesh.Mesh.ElementCount} elements ({DescribeTypes(mesh.Mesh)})");
        var materials = new Dictionary<string, SolidMaterial>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in deck.Materials.Values)
        {
            materials[m.Name] = ToSolidMaterial(m);
        }

        var warnings = new List<string>(deck.Warnings);
        var steps = new List<FeStepResult>(deck.Steps.Count);
        foreach (var step in deck.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var progress = options.Progress is null ? null : new PrefixedProgress($"step {step.Number}: ", options.Progress);
            var context = new StepContext(deck, mesh, step, materials, options, progress, warnings);
            steps.Add(step.Kind switch
            {
                DeckStepKind.Static => SolveStatic(context),
                DeckStepKind.HeatTransfer => SolveHeat(context),
                _ => SolveFrequency(context),
            });
        }

        using var self = Process.GetCurrentProcess();
        return new FeSolution
        {
            SolverName = Name,
            SolverVersion = typeof(BuiltInSolver).Assembly.GetName().Version?.ToString() ?? string.Empty,
            NodeIds = mesh.NodeIds,
            Steps = steps,
            WallTime = clock.Elapsed,
            PeakMemoryBytes = self.PeakWorkingSet64,
            Threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            Warnings = warnings,
        };
    }

    /// <summary>The engine material of a deck material (deck units pass through unchanged).</summary>
    public static SolidMaterial ToSolidMaterial(DeckMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return new SolidMaterial(material.Name)
        {
            YoungsModulusPa = material.YoungsModulus,
            PoissonRatio = material.PoissonsRatio,
            DensityKgPerM3 = material.Density,
            ThermalExpansionPerK = material.Expansion,
            ExpansionReferenceTemperatureK = material.Expansion is null ? null : material.ExpansionZero,
            ConductivityWPerMK = material.Conductivity,
            SpecificHeatJPerKgK = material.SpecificHeat,
        };
    }

    private static string DescribeTypes(Mesh mesh)
    {
        var parts = new List<string>();
        foreach (var block in mesh.Blocks)
        {
            parts.Add($"{block.Count} {block.Type.CalculixName()}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Face sets of equal value: one mesh face set per distinct value, named after the step.</summary>
    private static List<(string Set, TValue Value)> FaceGroups<TValue>(StepContext c, IReadOnlyDictionary<DeckFace, TValue> faces, string what)
        where TValue : notnull
    {
        var groups = new Dictionary<TValue, List<ElementFace>>();
        foreach (var (face, value) in faces)
        {
            if (!groups.TryGetValue(value, out var list))
            {
                list = [];
                groups[value] = list;
            }

            list.Add(new ElementFace(c.Mesh.ElementIndex(face.Element), face.Face));
        }

        var result = new List<(string, TValue)>();
        var k = 0;
        foreach (var (value, list) in groups)
        {
            var name = $"__step{c.Step.Number}_{what}{++k}";
            c.Mesh.Mesh.AddElementFaceSet(name, list);
            result.Add((name, value));
        }

        return result;
    }

    /// <summary>Integration-point values of the elements of the <c>*EL PRINT</c> sets, or null without such a request.</summary>
    private static IntegrationPointTable? PointTable(StepContext c, string variable, int components, int[] pointOffsets, double[] pointValues)
    {
        var elements = new SortedSet<int>();
        foreach (var request in c.Step.Output.ElementPrint)
        {
            if (!request.Variables.Contains(variable))
            {
                continue;
            }

            if (request.Set.Length == 0)
            {
                foreach (var e in c.Deck.Elements)
                {
                    elements.Add(e.Id);
                }
            }
            else
            {
                elements.UnionWith(c.Deck.ElementSets[request.Set].Ids);
            }
        }

        if (elements.Count == 0)
        {
            return null;
        }

        var ids = new int[elements.Count];
        var offsets = new int[elements.Count + 1];
        var values = new List<double>();
        var i = 0;
        foreach (var id in elements)
        {
            var e = c.Mesh.ElementIndex(id);
            ids[i] = id;
            var first = components * pointOffsets[e];
            var last = components * pointOffsets[e + 1];
            for (var v = first; v < last; v++)
            {
                values.Add(pointValues[v]);
            }

            offsets[i + 1] = offsets[i] + (pointOffsets[e + 1] - pointOffsets[e]);
            i++;
        }

        return new IntegrationPointTable(ids, offsets, components, [.. values]);
    }

    /// <summary>What one step's solve needs.</summary>
    private sealed record StepContext(InpDeck Deck, DeckMesh Mesh, DeckStep Step, Dictionary<string, SolidMaterial> Materials, FeSolveOptions Options, IProgress<string>? Progress, List<string> Warnings)
    {
        public int Threads => Options.Threads > 0 ? Options.Threads : -1;

        public void AssignMaterials(Action<string, SolidMaterial> assign)
        {
            foreach (var section in Deck.Sections)
            {
                assign(section.ElementSet, Materials[section.Material]);
            }
        }
    }
}
