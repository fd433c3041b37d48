using System.Globalization;
using System.Text;
using System.Text.Json;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Simulation.Output;

/// <summary>
/// Writes a <see cref="FeSolution"/> as result.json (schema <c>twinplatform.fe-result/1</c>, documented in
/// docs/solver.md): deck and solver facts, node numbers once, then per step a summary, the whole-model nodal
/// fields the deck's <c>*NODE FILE</c> / <c>*EL FILE</c> select (all of them when the deck asks for no output),
/// mode frequencies and shapes, and the <c>*NODE PRINT</c> / <c>*EL PRINT</c> tables.
/// </summary>
/// <remarks>
/// Nodal fields are flat arrays, <c>components.length</c> values per node in <c>node_ids</c> order; integration-point
/// tables list <c>components.length</c> values per point, points in element order. Values are in deck units.
/// Non-finite numbers are written as null.
/// </remarks>
public static class ResultJsonWriter
{
    /// <summary>Schema identifier written in every file.</summary>
    public const string Schema = "twinplatform.fe-result/1";

    private static readonly string[] Vector = ["x", "y", "z"];
    private static readonly string[] Tensor = ["xx", "yy", "zz", "xy", "yz", "zx"];

    /// <summary>Writes result.json to <paramref name="path"/>.</summary>
    public static void Write(string path, InpDeck deck, FeSolution solution)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(stream, deck, solution);
    }

    /// <summary>Writes the document to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, InpDeck deck, FeSolution solution)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(solution);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartObject("deck");
        w.WriteString("file", deck.SourceFile);
        w.WriteString("title", deck.Title);
        w.WriteString("units", "as in the deck (consistent units; nothing is converted)");
        w.WriteEndObject();

        w.WriteStartObject("solver");
        w.WriteString("name", solution.SolverName);
        w.WriteString("version", solution.SolverVersion);
        w.WriteNumber("threads", solution.Threads);
        Number(w, "wall_time_s", solution.WallTime.TotalSeconds);
        if (solution.PeakMemoryBytes is { } peak)
        {
            w.WriteNumber("peak_memory_bytes", peak);
        }
        else
        {
            w.WriteNull("peak_memory_bytes");
        }

        w.WriteEndObject();

        WriteModel(w, deck);
        w.WriteStartArray("warnings");
        foreach (var warning in solution.Warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        IntegerArray(w, "node_ids", solution.NodeIds);
        w.WriteStartArray("steps");
        for (var s = 0; s < solution.Steps.Count; s++)
        {
            WriteStep(w, deck, solution, solution.Steps[s], deck.Steps[s]);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter w, InpDeck deck)
    {
        w.WriteStartObject("model");
        w.WriteNumber("nodes", deck.NodeCount);
        w.WriteNumber("elements", deck.Elements.Count);
        w.WriteStartObject("element_types");
        foreach (var type in Enum.GetValues<DeckElementType>())
        {
            var count = 0;
            foreach (var e in deck.Elements)
            {
                count += e.Type == type ? 1 : 0;
            }

            if (count > 0)
            {
                w.WriteNumber(type.ToString(), count);
            }
        }

        w.WriteEndObject();
        w.WriteStartArray("materials");
        foreach (var m in deck.Materials.Values)
        {
            w.WriteStringValue(m.Name);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter w, InpDeck deck, FeSolution solution, FeStepResult r, DeckStep step)
    {
        w.WriteStartObject();
        w.WriteNumber("step", r.StepNumber);
        w.WriteString("procedure", Procedure(r.Kind));
        w.WriteString("defined_at", step.Location.ToString());
        w.WriteStartObject("solve");
        w.WriteNumber("iterations", r.Iterations);
        Number(w, "relative_residual", r.RelativeResidual);
        Number(w, "time_s", r.SolveTime.TotalSeconds);
        w.WriteEndObject();

        var vonMises = r.VonMises();
        WriteSummary(w, solution.NodeIds, r, vonMises);

        var output = step.Output;
        w.WriteStartObject("fields");
        if (output.WantsField("U"))
        {
            Field(w, "displacement", Vector, r.Displacements);
        }

        if (output.WantsField("RF"))
        {
            Field(w, "reaction_force", Vector, r.Reactions);
        }

        if (output.WantsField("S"))
        {
            Field(w, "stress", Tensor, r.Stresses);
            Field(w, "von_mises", ["value"], vonMises);
            Field(w, "principal_stress", ["max", "mid", "min"], r.PrincipalStresses());
        }

        if (output.WantsField("NT"))
        {
            Field(w, "temperature", ["value"], r.Temperatures);
        }

        if (output.WantsField("HFL"))
        {
            Field(w, "heat_flux", Vector, r.HeatFlux);
        }

        if (output.WantsField("RFL"))
        {
            Field(w, "reaction_heat_flow", ["value"], r.ReactionHeatFlow);
        }

        w.WriteEndObject();

        w.WriteStartArray("modes");
        foreach (var mode in r.Modes)
        {
            w.WriteStartObject();
            w.WriteNumber("mode", mode.Number);
            Number(w, "frequency_hz", mode.FrequencyHz);
            Number(w, "eigenvalue", mode.Eigenvalue);
            if (mode.Shape is { } shape && output.WantsField("U"))
            {
                Array(w, "shape", shape);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WritePrints(w, deck, solution, r, step);
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, int[] ids, FeStepResult r, double[]? vonMises)
    {
        w.WriteStartObject("summary");
        if (r.Displacements is { } u)
        {
            var (value, node) = MaxNorm(u, 3);
            Extreme(w, "max_displacement", value, ids[node]);
        }

        if (vonMises is not null)
        {
            var (value, node) = MaxNorm(vonMises, 1);
            Extreme(w, "max_von_mises", value, ids[node]);
        }

        if (r.Reactions is { } rf)
        {
            double x = 0, y = 0, z = 0;
            for (var n = 0; n < rf.Length / 3; n++)
            {
                x += rf[3 * n];
                y += rf[(3 * n) + 1];
                z += rf[(3 * n) + 2];
            }

            w.WriteStartArray("total_reaction_force");
            Value(w, x);
            Value(w, y);
            Value(w, z);
            w.WriteEndArray();
        }

        if (r.Temperatures is { Length: > 0 } t)
        {
            int lo = 0, hi = 0;
            for (var n = 1; n < t.Length; n++)
            {
                lo = t[n] < t[lo] ? n : lo;
                hi = t[n] > t[hi] ? n : hi;
            }

            Extreme(w, "min_temperature", t[lo], ids[lo]);
            Extreme(w, "max_temperature", t[hi], ids[hi]);
        }

        if (r.ReactionHeatFlow is { } q)
        {
            var sum = 0.0;
            foreach (var v in q)
            {
                sum += v;
            }

            Number(w, "total_reaction_heat_flow", sum);
        }

        if (r.Modes.Count > 0)
        {
            w.WriteStartArray("frequencies_hz");
            foreach (var m in r.Modes)
            {
                Value(w, m.FrequencyHz);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WritePrints(Utf8JsonWriter w, InpDeck deck, FeSolution solution, FeStepResult r, DeckStep step)
    {
        w.WriteStartArray("print");
        var index = solution.NodeIndexMap();
        foreach (var request in step.Output.NodePrint)
        {
            var nodes = request.Set.Length == 0 ? solution.NodeIds : deck.NodeSets[request.Set].Ids;
            w.WriteStartObject();
            w.WriteString("keyword", "*NODE PRINT");
            w.WriteString("set", request.Set);
            w.WriteString("defined_at", request.Location.ToString());
            IntegerArray(w, "node_ids", nodes);
            foreach (var v in request.Variables)
            {
                var (values, components) = v switch
                {
                    "U" => (r.Displacements, 3),
                    "RF" => (r.Reactions, 3),
                    "NT" => (r.Temperatures, 1),
                    _ => (r.ReactionHeatFlow, 1),
                };
                if (values is null)
                {
                    continue;
                }

                var table = new double[components * nodes.Length];
                for (var n = 0; n < nodes.Length; n++)
                {
                    var i = index.TryGetValue(nodes[n], out var k) ? k : -1;
                    for (var c = 0; c < components; c++)
                    {
                        table[(components * n) + c] = i < 0 ? double.NaN : values[(components * i) + c];
                    }
                }

                Array(w, v, table);
            }

            w.WriteEndObject();
        }

        foreach (var request in step.Output.ElementPrint)
        {
            foreach (var v in request.Variables)
            {
                var table = v == "S" ? r.PointStresses : v == "HFL" ? r.PointHeatFlux : null;
                if (table is null)
                {
                    continue;
                }

                var wanted = request.Set.Length == 0 ? null : new HashSet<int>(deck.ElementSets[request.Set].Ids);
                w.WriteStartObject();
                w.WriteString("keyword", "*EL PRINT");
                w.WriteString("set", request.Set);
                w.WriteString("variable", v);
                w.WriteString("defined_at", request.Location.ToString());
                w.WriteStartArray("components");
                foreach (var name in table.Components == 6 ? Tensor : Vector)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
                w.WriteStartArray("elements");
                for (var e = 0; e < table.ElementIds.Length; e++)
                {
                    if (wanted is not null && !wanted.Contains(table.ElementIds[e]))
                    {
                        continue;
                    }

                    w.WriteStartObject();
                    w.WriteNumber("element", table.ElementIds[e]);
                    var first = table.Components * table.Offsets[e];
                    Array(w, "points", table.Values[first..(table.Components * table.Offsets[e + 1])]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static string Procedure(DeckStepKind kind) => kind switch
    {
        DeckStepKind.Static => "static",
        DeckStepKind.HeatTransfer => "heat_transfer",
        _ => "frequency",
    };

    private static (double Value, int Node) MaxNorm(double[] values, int components)
    {
        double best = -1;
        var node = 0;
        for (var n = 0; n < values.Length / components; n++)
        {
            var sum = 0.0;
            for (var c = 0; c < components; c++)
            {
                var v = values[(components * n) + c];
                sum += v * v;
            }

            if (sum > best)
            {
                (best, node) = (sum, n);
            }
        }

        return (Math.Sqrt(Math.Max(best, 0)), node);
    }

    private static void Extreme(Utf8JsonWriter w, string name, double value, int node)
    {
        w.WriteStartObject(name);
        Number(w, "value", value);
        w.WriteNumber("node", node);
        w.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter w, string name, string[] components, double[]? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteStartArray("components");
        foreach (var c in components)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        Array(w, "values", values);
        w.WriteEndObject();
    }

    /// <summary>A numeric array on one line (the indented writer would give every number its own line).</summary>
    private static void Array(Utf8JsonWriter w, string name, double[] values)
    {
        var text = new StringBuilder(values.Length * 12);
        text.Append('[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var v = values[i];
            text.Append(double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "null");
        }

        text.Append(']');
        w.WritePropertyName(name);
        w.WriteRawValue(text.ToString(), skipInputValidation: true);
    }

    private static void IntegerArray(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        var text = new StringBuilder(values.Count * 7);
        text.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }

        text.Append(']');
        w.WritePropertyName(name);
        w.WriteRawValue(text.ToString(), skipInputValidation: true);
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Value(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
