using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// What to design: goals on properties, objectives, limits on variables, and how many candidates and
/// next experiments to return. Read from a goals file (<c>schema: twinplatform.design</c>) or built from
/// command-line options.
/// </summary>
/// <remarks>
/// <code>
/// schema: twinplatform.design
/// version: 1
/// model: ../nims-steel                 # a model folder relative to this file (or data: + mapping:)
/// goals: ["fatigue_strength >= 600 MPa"]
/// objectives: [{minimise: Cr + Mo + Ni}]
/// limits: ["tempering_temperature = 550..650 degC"]
/// candidates: 10
/// minimum_probability: 0.5
/// next: 5                              # propose 5 experiments by expected improvement
/// improve: fatigue_strength            # ... of this property
/// best_observed: 640 MPa               # best measured so far (taken from the data when given)
/// </code>
/// </remarks>
public sealed record DesignSpec
{
    /// <summary>The schema name of a goals file.</summary>
    public const string SchemaName = "twinplatform.design";

    /// <summary>Goals on properties.</summary>
    public IReadOnlyList<DesignGoal> Goals { get; init; } = [];

    /// <summary>Objectives.</summary>
    public IReadOnlyList<DesignObjective> Objectives { get; init; } = [];

    /// <summary>Limits on variables.</summary>
    public IReadOnlyList<DesignLimit> Limits { get; init; } = [];

    /// <summary>Ranked candidates to return.</summary>
    public int Candidates { get; init; } = 10;

    /// <summary>Joint probability of meeting all goals below which a candidate is not proposed.</summary>
    public double MinimumProbability { get; init; } = 0.5;

    /// <summary>Candidates drawn in the first generation.</summary>
    public int Population { get; init; } = 2000;

    /// <summary>Generations of mutation and crossover after the first.</summary>
    public int Generations { get; init; } = 6;

    /// <summary>Seed of the search.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Next experiments to propose by expected improvement (0 = none).</summary>
    public int Next { get; init; }

    /// <summary>The property whose improvement the next experiments seek (default: the first goal's).</summary>
    public string? Improve { get; init; }

    /// <summary>Best measured value of <see cref="Improve"/> so far, as written (<c>640 MPa</c>), when the model has no data to take it from.</summary>
    public string? BestObserved { get; init; }

    /// <summary>Model folder named by a goals file (absolute), or null.</summary>
    public string? Model { get; init; }

    /// <summary>Data file named by a goals file (absolute), or null.</summary>
    public string? Data { get; init; }

    /// <summary>Mapping file named by a goals file (absolute), or null.</summary>
    public string? Mapping { get; init; }

    /// <summary>Reads a goals file; paths in it are relative to its folder.</summary>
    /// <exception cref="InputFileException">Malformed file; names the file, line and field.</exception>
    public static DesignSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = YamlFile.Load(path);
        var m = root.AsMapping().Only("schema", "version", "description", "model", "data", "mapping", "goals", "objectives", "limits",
            "candidates", "minimum_probability", "population", "generations", "seed", "next", "improve", "best_observed");
        var schema = m.Required("schema");
        if (schema.AsString() != SchemaName)
        {
            throw schema.Error($"expected '{SchemaName}'");
        }

        if (m.Required("version").AsInt() != 1)
        {
            throw m.Required("version").Error("this build reads version 1");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string? Resolve(string key) => m.OptionalString(key) is { } p ? Path.GetFullPath(Path.Combine(folder, p)) : null;
        var goals = new List<DesignGoal>();
        foreach (var g in m.Optional("goals")?.AsList() ?? [])
        {
            goals.Add(Parse(g, DesignGoal.Parse));
        }

        var objectives = new List<DesignObjective>();
        foreach (var o in m.Optional("objectives")?.AsList() ?? [])
        {
            var om = o.AsMapping().Only("minimise", "minimize", "maximise", "maximize");
            var (key, field) = om.Entries.Single();
            objectives.Add(Parse(field, t => DesignObjective.Parse(t, key.StartsWith("max", StringComparison.Ordinal))));
        }

        var limits = new List<DesignLimit>();
        foreach (var l in m.Optional("limits")?.AsList() ?? [])
        {
            limits.Add(Parse(l, DesignLimit.Parse));
        }

        var spec = new DesignSpec
        {
            Goals = goals,
            Objectives = objectives,
            Limits = limits,
            Model = Resolve("model"),
            Data = Resolve("data"),
            Mapping = Resolve("mapping"),
            Improve = m.OptionalString("improve"),
            BestObserved = m.OptionalString("best_observed"),
        };
        spec = m.Optional("candidates") is { } c ? spec with { Candidates = c.AsInt() } : spec;
        spec = m.Optional("minimum_probability") is { } mp ? spec with { MinimumProbability = mp.AsDouble() } : spec;
        spec = m.Optional("population") is { } pop ? spec with { Population = pop.AsInt() } : spec;
        spec = m.Optional("generations") is { } gen ? spec with { Generations = gen.AsInt() } : spec;
        spec = m.Optional("seed") is { } seed ? spec with { Seed = seed.AsInt() } : spec;
        spec = m.Optional("next") is { } next ? spec with { Next = next.AsInt() } : spec;
        if (spec.Model is null && (spec.Data is null || spec.Mapping is null) && (spec.Data is not null || spec.Mapping is not null))
        {
            throw root.Error("give 'model' (a model folder), or both 'data' and 'mapping'");
        }

        return spec;
    }

    /// <summary>A human summary of the spec.</summary>
    public string Summary => string.Join("; ",
        Goals.Select(g => g.Text).Concat(Objectives.Select(o => o.ToString())).Concat(Limits.Select(l => l.Text)))
        + string.Create(CultureInfo.InvariantCulture, $"; minimum joint probability {MinimumProbability:G3}");

    private static T Parse<T>(YamlField field, Func<string, T> parse)
    {
        try
        {
            return parse(field.AsString());
        }
        catch (FormatException e)
        {
            throw field.Error(e.Message, e);
        }
    }
}
