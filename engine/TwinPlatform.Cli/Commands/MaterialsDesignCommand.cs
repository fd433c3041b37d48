using System.CommandLine;
using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Materials.Design;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Import;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin materials design [--goals FILE] [--model DIR | --data FILE --mapping MAP] [--goal G]... [--minimise EXPR]...
/// [--limit L]... [--next K] [--json]</c>: inverse design within the data's domain; ranked candidates with predicted
/// distributions and the probability of meeting each goal (a Pareto set for several goals), and optionally the next
/// experiments by expected improvement.
/// </summary>
public static class MaterialsDesignCommand
{
    /// <summary>The <c>design</c> subcommand.</summary>
    public static Command Create()
    {
        var goals = new Option<string?>("--goals") { Description = "Goals file (YAML, schema twinplatform.design); options below add to it" };
        var model = new Option<string?>("--model") { Description = "Model folder (for example models/nims-steel)" };
        var data = new Option<string?>("--data") { Description = "Data file to train on instead of a model folder" };
        var mapping = new Option<string?>("--mapping") { Description = "Mapping file of --data" };
        var goal = new Option<string[]>("--goal") { Description = "Goal, repeatable: 'fatigue_strength>=600MPa'" };
        var minimise = new Option<string[]>("--minimise") { Description = "Objective to minimise, repeatable: 'Cr+Mo+Ni'" };
        var maximise = new Option<string[]>("--maximise") { Description = "Objective to maximise, repeatable: 'fatigue_strength'" };
        var limit = new Option<string[]>("--limit") { Description = "Limit, repeatable: 'tempering_temperature=550..650degC', 'C<=0.45wt%'" };
        var top = new Option<int?>("--top") { Description = "Candidates to list (default 10)" };
        var minProbability = new Option<double?>("--min-probability") { Description = "Joint probability below which a candidate is not proposed (default 0.5)" };
        var next = new Option<int?>("--next") { Description = "Propose this many next experiments by expected improvement" };
        var improve = new Option<string?>("--improve") { Description = "Property the next experiments should improve (default: the first goal's)" };
        var best = new Option<string?>("--best") { Description = "Best value measured so far, for --next with a model folder: '640 MPa'" };
        var features = new Option<string?>("--features") { Description = "Feature groups when training on --data (default: fractions or mass, process, attributes)" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the search" };
        var population = new Option<int?>("--population") { Description = "Candidates drawn in the first generation (default 2000)" };
        var generations = new Option<int?>("--generations") { Description = "Generations of mutation and crossover (default 6)" };
        var passport = new Option<string?>("--passport-out") { Description = "Write the top candidate's material passport (JSON) here" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("design", "Inverse design: candidates meeting goals with probabilities, Pareto set, next experiments by expected improvement")
        {
            goals, model, data, mapping, goal, minimise, maximise, limit, top, minProbability, next, improve, best, features, seed, population, generations, passport, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var request = new MaterialsDesignRequest
            {
                Goals = r.GetValue(goals),
                Model = r.GetValue(model),
                Data = r.GetValue(data),
                Mapping = r.GetValue(mapping),
                Goal = r.GetValue(goal) ?? [],
                Minimise = r.GetValue(minimise) ?? [],
                Maximise = r.GetValue(maximise) ?? [],
                Limit = r.GetValue(limit) ?? [],
                Top = r.GetValue(top),
                MinimumProbability = r.GetValue(minProbability),
                Next = r.GetValue(next),
                Improve = r.GetValue(improve),
                Best = r.GetValue(best),
                Features = r.GetValue(features),
                Seed = r.GetValue(seed),
                Population = r.GetValue(population),
                Generations = r.GetValue(generations),
                PassportOut = r.GetValue(passport),
                Json = r.GetValue(json),
            };
            return Task.FromResult(Execute(request, Console.Out, Console.Error));
        });
        return command;
    }

    /// <summary>Runs the design; returns the exit code.</summary>
    public static int Execute(MaterialsDesignRequest request, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var spec = BuildSpec(request);
            var modelFolder = request.Model ?? spec.Model;
            var dataFile = request.Data ?? spec.Data;
            var mappingFile = request.Mapping ?? spec.Mapping;
            IDesignModel designModel;
            PropertyModel? propertyModel = null;
            Provenance provenance;
            var bestObserved = double.NaN;
            var log = request.Json ? null : (Action<string>)(line => error.WriteLine("  " + line));
            if (modelFolder is not null)
            {
                var m = PropertyModel.Load(modelFolder);
                propertyModel = m;
                designModel = new PropertyModelDesignModel(m);
                provenance = m.Provenance;
            }
            else if (dataFile is not null && mappingFile is not null)
            {
                var (recordModel, best) = TrainOnData(dataFile, mappingFile, spec, request.Features, log);
                designModel = recordModel;
                bestObserved = best;
                provenance = new Provenance(ProvenanceKind.Prediction, $"twin materials design: models trained on {Path.GetFileName(dataFile)}", DateTimeOffset.UtcNow.Date,
                    Method: "bagged LightGBM trees blended with a Gaussian process; 90% normalised conformal interval", Data: recordModel.Source + "; trained on experiment values only");
            }
            else
            {
                throw new FormatException("give --model DIR, or --data FILE with --mapping MAP (or a goals file that names them)");
            }

            if (spec.Goals.Count == 0 && spec.Objectives.Count == 0)
            {
                throw new FormatException("give at least one --goal or objective (--minimise, --maximise), or a goals file");
            }

            var result = InverseDesigner.Run(designModel, spec, bestObserved, log);
            output.Write(request.Json ? MaterialsOutput.DesignJson(result) : MaterialsOutput.DesignTable(result));
            if (request.PassportOut is { } path && result.Candidates.Count > 0)
            {
                var passport = propertyModel is not null
                    ? DesignPassport.Create(propertyModel, result, result.Candidates[0], "designed-1")
                    : DesignPassport.Create(result, result.Candidates[0], "designed-1", provenance);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
                File.WriteAllText(path, passport.ToJson());
                error.WriteLine($"wrote the top candidate's passport to {path}");
            }

            return 0;
        }
        catch (Exception e) when (e is InputFileException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or FileNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static DesignSpec BuildSpec(MaterialsDesignRequest r)
    {
        var spec = r.Goals is { } file ? DesignSpec.Load(file) : new DesignSpec();
        spec = spec with
        {
            Goals = [.. spec.Goals, .. r.Goal.Select(DesignGoal.Parse)],
            Objectives = [.. spec.Objectives, .. r.Minimise.Select(t => DesignObjective.Parse(t, maximise: false)), .. r.Maximise.Select(t => DesignObjective.Parse(t, maximise: true))],
            Limits = [.. spec.Limits, .. r.Limit.Select(DesignLimit.Parse)],
        };
        spec = r.Top is { } top ? spec with { Candidates = top } : spec;
        spec = r.MinimumProbability is { } p ? spec with { MinimumProbability = p } : spec;
        spec = r.Next is { } next ? spec with { Next = next } : spec;
        spec = r.Improve is { } improve ? spec with { Improve = improve } : spec;
        spec = r.Best is { } best ? spec with { BestObserved = best } : spec;
        spec = r.Seed is { } seed ? spec with { Seed = seed } : spec;
        spec = r.Population is { } population ? spec with { Population = population } : spec;
        spec = r.Generations is { } generations ? spec with { Generations = generations } : spec;
        return spec;
    }

    private static (RecordDesignModel Model, double Best) TrainOnData(string data, string mapping, DesignSpec spec, string? featureText, Action<string>? log)
    {
        var import = RecordImporter.Import(mapping, data);
        var names = import.Records.SelectMany(r => r.Properties.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        var targets = spec.Goals.Select(g => g.Property)
            .Concat(spec.Objectives.SelectMany(o => o.Terms.Select(t => t.Name)).Where(names.Contains))
            .Append(spec.Improve ?? (spec.Goals.Count > 0 ? spec.Goals[0].Property : string.Empty))
            .Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (targets.Length == 0)
        {
            throw new FormatException($"no goal or objective names a property of the data (it has: {string.Join(", ", names)})");
        }

        var mass = import.Records.Count(r => r.Composition.Basis == CompositionBasisKind.Mass) > import.Records.Count / 2;
        var features = RecordFeatureOptions.Parse(featureText ?? (mass ? "mass,process,attributes" : "fractions,process,attributes"));
        log?.Invoke($"training {string.Join(", ", targets)} on {import.Records.Count} records of {Path.GetFileName(data)} ...");
        var options = new RecordModelOptions
        {
            Features = features,
            Ensemble = new EnsembleOptions { Learner = EnsembleLearner.LightGbm, EnsembleSize = 16, NumberOfTrees = 300, LearningRate = 0.05 },
            Blend = new BlendOptions(),
        };
        var model = RecordDesignModel.Train(import.Records, [.. targets.Select(t => new RecordSelection { Property = t })], options, $"{import.File} ({import.Mapping})");
        var improve = spec.Improve ?? targets[0];
        var maximise = spec.Goals.FirstOrDefault(g => g.Property == improve)?.Direction != GoalDirection.AtMost;
        var measured = model.TrainingTargets.TryGetValue(improve, out var v) ? v.Where(x => !double.IsNaN(x)).ToArray() : [];
        var best = measured.Length == 0 ? double.NaN : maximise ? measured.Max() : measured.Min();
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"best measured {improve}: {best:G5} {model.Unit(improve)}"));
        return (model, best);
    }
}
