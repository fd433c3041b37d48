using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TwinPlatform.Materials.Design;
using TwinPlatform.Materials.Import;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Storage;

namespace TwinPlatform.Cli.Commands;

/// <summary>Text tables and JSON documents of the <c>twin materials</c> commands.</summary>
public static class MaterialsOutput
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The import result as JSON.</summary>
    public static string ImportJson(ImportResult result, StoreResult stored, string db)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("mapping", result.Mapping);
            w.WriteString("file", result.File);
            w.WriteNumber("rows", result.RowsRead);
            w.WriteNumber("records", result.Records.Count);
            w.WriteNumber("duplicates", result.Duplicates);
            w.WriteString("store", db);
            w.WriteNumber("inserted", stored.Inserted);
            w.WriteNumber("existing", stored.Existing);
            w.WriteStartArray("issues");
            foreach (var i in result.Issues)
            {
                w.WriteStartObject();
                w.WriteString("file", i.File);
                w.WriteNumber("line", i.Line);
                w.WriteNumber("column", i.Column);
                w.WriteString("field", i.Field);
                w.WriteString("reason", i.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Per-fold and overall metrics as a text table.</summary>
    public static string CrossValidationTable(RecordCrossValidationResult cv)
    {
        ArgumentNullException.ThrowIfNull(cv);
        var u = cv.Unit;
        var level = cv.Pooled.Level * 100;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(C, $"{cv.Options.Folds}-fold {cv.Options.Scheme.ToString().ToLowerInvariant()} cross-validation, {cv.Options.Repeats} repeat(s), seed {cv.Options.Seed}; {cv.Rows} rows, {cv.Groups} groups"));
        sb.AppendLine(string.Create(C, $"{"repeat",6} {"fold",4} {"n",5} {"MAE",9} {"RMSE",9} {"R^2",6} {"cover",6} {"width",9} {"OOD",4}  model"));
        foreach (var f in cv.Folds)
        {
            var m = f.Metrics;
            sb.AppendLine(string.Create(C,
                $"{f.Repeat + 1,6} {f.Fold + 1,4} {m.Count,5} {m.MeanAbsoluteError,9:F2} {m.RootMeanSquareError,9:F2} {m.RSquared,6:F3} {m.Coverage,6:F3} {m.MeanWidth,9:F1} {f.OutOfDomain,4}  {f.Model}"));
        }

        var p = cv.Pooled;
        sb.AppendLine(string.Create(C, $"mean over folds: MAE {cv.MeanFoldMae:F2} ± {cv.FoldMaeStandardDeviation:F2} {u}, RMSE {cv.MeanFoldRmse:F2} {u}, R^2 {cv.MeanFoldRSquared:F3}, {level:G3}% coverage {cv.MeanFoldCoverage:F3}, mean width {cv.MeanFoldWidth:F1} {u}"));
        sb.AppendLine(string.Create(C, $"pooled ({p.Count} predictions): MAE {p.MeanAbsoluteError:F2} {u}, RMSE {p.RootMeanSquareError:F2} {u}, R^2 {p.RSquared:F3}, {level:G3}% coverage {p.Coverage:F3}, mean width {p.MeanWidth:F1} {u}"));
        return sb.ToString();
    }

    /// <summary>Per-fold and overall metrics as JSON.</summary>
    public static string CrossValidationJson(RecordCrossValidationResult cv, MaterialsCvRequest request)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(request);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("property", cv.Property);
            w.WriteString("unit", cv.Unit);
            w.WriteString("data", request.Data);
            w.WriteString("mapping", request.Mapping);
            w.WriteNumber("rows", cv.Rows);
            w.WriteNumber("groups", cv.Groups);
            w.WriteStartArray("trained_on");
            foreach (var kind in request.TrainedOn)
            {
                w.WriteStringValue(kind);
            }

            w.WriteEndArray();
            w.WriteNumber("folds", cv.Options.Folds);
            w.WriteNumber("repeats", cv.Options.Repeats);
            w.WriteNumber("seed", cv.Options.Seed);
            w.WriteString("scheme", cv.Options.Scheme.ToString().ToLowerInvariant());
            w.WriteNumber("level", cv.Pooled.Level);
            w.WriteStartArray("per_fold");
            foreach (var f in cv.Folds)
            {
                w.WriteStartObject();
                w.WriteNumber("repeat", f.Repeat + 1);
                w.WriteNumber("fold", f.Fold + 1);
                w.WriteNumber("training_rows", f.TrainingRows);
                Metrics(w, f.Metrics);
                w.WriteNumber("out_of_domain", f.OutOfDomain);
                w.WriteString("model", f.Model);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("mean_over_folds");
            w.WriteNumber("mae", cv.MeanFoldMae);
            w.WriteNumber("mae_sd", cv.FoldMaeStandardDeviation);
            w.WriteNumber("rmse", cv.MeanFoldRmse);
            w.WriteNumber("r2", cv.MeanFoldRSquared);
            w.WriteNumber("coverage", cv.MeanFoldCoverage);
            w.WriteNumber("mean_width", cv.MeanFoldWidth);
            w.WriteEndObject();
            w.WriteStartObject("pooled");
            Metrics(w, cv.Pooled);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Every held-out prediction of a cross-validation as CSV, one line per row and repetition: repeat and fold (1-based), row
    /// (0-based, in the order of the sample set), record name, formula, actual value, mean, sd and the interval, in the set's unit.
    /// </summary>
    public static string CrossValidationPredictionsCsv(RecordCrossValidationResult cv, SampleSet set)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(set);
        var sb = new StringBuilder();
        sb.AppendLine("repeat,fold,row,name,formula,actual,mean,sd,lower,upper");
        for (var r = 0; r < cv.Predictions.Count; r++)
        {
            for (var i = 0; i < set.Samples.Count; i++)
            {
                var s = set.Samples[i];
                var p = cv.Predictions[r][i];
                var fold = r < cv.FoldAssignments.Count ? cv.FoldAssignments[r][i] + 1 : 0;
                sb.AppendLine(string.Create(C, $"{r + 1},{fold},{i},{Csv(s.Record.Raw.Name)},{Csv(s.Record.Raw.Formula ?? string.Empty)},{s.Target:R},{p.Mean:R},{p.Spread:R},{p.Lower:R},{p.Upper:R}"));
            }
        }

        return sb.ToString();
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>A design result as a text report.</summary>
    public static string DesignTable(DesignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var spec = result.Spec;
        sb.AppendLine($"design: {spec.Summary}");
        sb.AppendLine($"model: {result.Source}");
        sb.AppendLine(string.Create(C, $"{result.Evaluated} in-domain candidates evaluated, {result.Feasible} meet the goals with joint probability >= {spec.MinimumProbability:G3}"));
        foreach (var note in result.Notes)
        {
            sb.AppendLine("note: " + note);
        }

        void Candidates(string title, IReadOnlyList<DesignCandidate> list, bool ei)
        {
            if (list.Count == 0)
            {
                return;
            }

            sb.AppendLine();
            sb.AppendLine(title);
            for (var i = 0; i < list.Count; i++)
            {
                var cand = list[i];
                var head = new StringBuilder(string.Create(C, $"#{i + 1}"));
                if (cand.ParetoRank > 0)
                {
                    head.Append(string.Create(C, $" pareto rank {cand.ParetoRank}"));
                }

                if (spec.Goals.Count > 0)
                {
                    head.Append(string.Create(C, $"  P(all goals) {cand.JointProbability:F3}"));
                    for (var g = 0; g < spec.Goals.Count; g++)
                    {
                        head.Append(string.Create(C, $"  P({spec.Goals[g].Text}) {cand.GoalProbabilities[g]:F3}"));
                    }
                }

                for (var o = 0; o < spec.Objectives.Count; o++)
                {
                    head.Append(string.Create(C, $"  {spec.Objectives[o].Text} = {cand.Objectives[o]:G4}"));
                }

                if (ei)
                {
                    head.Append(string.Create(C, $"  EI {cand.ExpectedImprovement:G4} {result.Units.GetValueOrDefault(spec.Improve ?? string.Empty, string.Empty)}"));
                }

                head.Append(string.Create(C, $"  domain distance {cand.DomainDistance:F2}"));
                sb.AppendLine(head.ToString());
                foreach (var (property, p) in cand.Predictions)
                {
                    var unit = result.Units.GetValueOrDefault(property, string.Empty);
                    sb.AppendLine(string.Create(C, $"    {property}: {p.Mean:F1} {unit}, sd {p.EquivalentStandardDeviation:F1}, {p.Level * 100:G3}% interval [{p.Lower:F1}, {p.Upper:F1}]"));
                }

                sb.Append("    ");
                sb.AppendLine(string.Join(", ", result.Variables.Select((v, j) => string.Create(C, $"{v.Name} {cand.Variables[j]:G4}{(v.Unit == "1" ? string.Empty : " " + v.Unit)}"))));
            }
        }

        Candidates("candidates (ranked):", result.Candidates, ei: false);
        Candidates(string.Create(C, $"next experiments by expected improvement over the best observed {result.BestObserved:G5}:"), result.Next, ei: true);
        return sb.ToString();
    }

    /// <summary>A design result as JSON.</summary>
    public static string DesignJson(DesignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("source", result.Source);
            w.WriteStartArray("goals");
            foreach (var g in result.Spec.Goals)
            {
                w.WriteStringValue(g.Text);
            }

            w.WriteEndArray();
            w.WriteStartArray("objectives");
            foreach (var o in result.Spec.Objectives)
            {
                w.WriteStringValue(o.ToString());
            }

            w.WriteEndArray();
            w.WriteStartArray("limits");
            foreach (var l in result.Spec.Limits)
            {
                w.WriteStringValue(l.Text);
            }

            w.WriteEndArray();
            w.WriteNumber("evaluated", result.Evaluated);
            w.WriteNumber("feasible", result.Feasible);
            w.WriteStartArray("notes");
            foreach (var n in result.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            WriteCandidates(w, "candidates", result, result.Candidates);
            if (!double.IsNaN(result.BestObserved))
            {
                w.WriteNumber("best_observed", result.BestObserved);
            }

            WriteCandidates(w, "next_experiments", result, result.Next);
            w.WriteEndObject();
        });
    }

    private static void WriteCandidates(Utf8JsonWriter w, string name, DesignResult result, IReadOnlyList<DesignCandidate> list)
    {
        w.WriteStartArray(name);
        foreach (var cand in list)
        {
            w.WriteStartObject();
            w.WriteNumber("pareto_rank", cand.ParetoRank);
            w.WriteNumber("joint_probability", cand.JointProbability);
            w.WriteStartObject("goal_probabilities");
            for (var g = 0; g < result.Spec.Goals.Count; g++)
            {
                w.WriteNumber(result.Spec.Goals[g].Text, cand.GoalProbabilities[g]);
            }

            w.WriteEndObject();
            w.WriteStartObject("objectives");
            for (var o = 0; o < result.Spec.Objectives.Count; o++)
            {
                w.WriteNumber(result.Spec.Objectives[o].Text, cand.Objectives[o]);
            }

            w.WriteEndObject();
            if (!double.IsNaN(cand.ExpectedImprovement))
            {
                w.WriteNumber("expected_improvement", cand.ExpectedImprovement);
            }

            w.WriteNumber("domain_distance", cand.DomainDistance);
            w.WriteStartObject("predictions");
            foreach (var (property, p) in cand.Predictions)
            {
                w.WriteStartObject(property);
                w.WriteNumber("mean", p.Mean);
                w.WriteNumber("sd", p.EquivalentStandardDeviation);
                w.WriteNumber("lower", p.Lower);
                w.WriteNumber("upper", p.Upper);
                w.WriteNumber("level", p.Level);
                w.WriteString("unit", result.Units.GetValueOrDefault(property, string.Empty));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("variables");
            for (var j = 0; j < result.Variables.Count; j++)
            {
                w.WriteStartObject(result.Variables[j].Name);
                w.WriteNumber("value", cand.Variables[j]);
                w.WriteString("unit", result.Variables[j].Unit);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Metrics(Utf8JsonWriter w, RegressionMetrics m)
    {
        w.WriteNumber("n", m.Count);
        w.WriteNumber("mae", m.MeanAbsoluteError);
        w.WriteNumber("rmse", m.RootMeanSquareError);
        w.WriteNumber("r2", m.RSquared);
        w.WriteNumber("coverage", m.Coverage);
        w.WriteNumber("mean_width", m.MeanWidth);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
