using System.Globalization;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Simulation.Output;

/// <summary>
/// Writes a <see cref="FeSolution"/> on its deck's mesh as a ParaView .vtu: point data per step (displacement,
/// stress tensor, von Mises, principal stresses, reaction force, temperature, heat flux, reaction heat flow, one
/// array per mode shape), plus <c>node_id</c> point data and <c>element_id</c> cell data in deck numbering.
/// </summary>
/// <remarks>
/// Array names carry a <c>stepN_</c> prefix when the deck has more than one step; mode shapes are called
/// <c>mode_K (F Hz)</c>. Fields follow the step's output selection like result.json. Nodes a solver did not report
/// get zeros.
/// </remarks>
public static class SolutionVtuWriter
{
    private static readonly string[] TensorNames = ["XX", "YY", "ZZ", "XY", "YZ", "XZ"];

    /// <summary>Writes <paramref name="solution"/> of <paramref name="deck"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, InpDeck deck, FeSolution solution, VtuEncoding encoding = VtuEncoding.Base64)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(solution);
        var mesh = DeckMesh.Build(deck);
        var writer = new VtuWriter(mesh.Mesh, encoding);
        writer.AddPointData("node_id", 1, Array.ConvertAll(mesh.NodeIds, static i => (double)i));
        writer.AddCellData("element_id", 1, Array.ConvertAll(mesh.ElementIds, static i => (double)i));

        // Position in the mesh of each solution node.
        var target = new int[solution.NodeIds.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = deck.NodeIndex(solution.NodeIds[i]);
        }

        foreach (var r in solution.Steps)
        {
            var output = deck.Steps[r.StepNumber - 1].Output;
            var prefix = solution.Steps.Count > 1 ? $"step{r.StepNumber}_" : string.Empty;
            void Add(string name, int components, double[]? values, IReadOnlyList<string>? names = null)
            {
                if (values is not null)
                {
                    writer.AddPointData(prefix + name, components, Scatter(values, components, target, mesh.Mesh.NodeCount), names);
                }
            }

            if (output.WantsField("U"))
            {
                Add("displacement", 3, r.Displacements);
            }

            if (output.WantsField("RF"))
            {
                Add("reaction_force", 3, r.Reactions);
            }

            if (output.WantsField("S"))
            {
                Add("stress", 6, r.Stresses, TensorNames);
                Add("von_mises", 1, r.VonMises());
                Add("principal_stress", 3, r.PrincipalStresses(), ["MAX", "MID", "MIN"]);
            }

            if (output.WantsField("NT"))
            {
                Add("temperature", 1, r.Temperatures);
            }

            if (output.WantsField("HFL"))
            {
                Add("heat_flux", 3, r.HeatFlux);
            }

            if (output.WantsField("RFL"))
            {
                Add("reaction_heat_flow", 1, r.ReactionHeatFlow);
            }

            if (output.WantsField("U"))
            {
                foreach (var mode in r.Modes)
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"mode_{mode.Number} ({mode.FrequencyHz:G6} Hz)"), 3, mode.Shape);
                }
            }
        }

        writer.Write(path);
    }

    private static double[] Scatter(double[] values, int components, int[] target, int nodeCount)
    {
        var result = new double[components * nodeCount];
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] < 0)
            {
                continue;
            }

            for (var c = 0; c < components; c++)
            {
                result[(components * target[i]) + c] = values[(components * i) + c];
            }
        }

        return result;
    }
}
