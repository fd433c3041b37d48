using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TwinPlatform.Core.Graph;
using TwinPlatform.Materials;
using TwinPlatform.Rendering;
using TwinPlatform.Twins.Monitoring;
using TwinPlatform.Twins.Runtime;
using TwinPlatform.Twins.Systems;
using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Reports;

/// <summary>
/// Writes a run's outputs into a folder: <c>report.json</c> (top-level keys material, component,
/// system, validation, plus scene, feed and outputs), <c>report.html</c> with the predicted-versus-
/// measured plots, a PNG per gauged component coloured by von Mises stress at its peak load, the
/// material passports and the in-service evidence.
/// </summary>
public static class SceneReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes every output; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(SceneRunResult run, string outputDirectory, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();

        foreach (var (id, passport) in run.Prepared.Passports)
        {
            var path = Path.Combine(outputDirectory, $"passport-{id}.json");
            File.WriteAllText(path, passport.ToJson());
            written.Add(path);
        }

        foreach (var (key, passport) in run.InService)
        {
            var path = Path.Combine(outputDirectory, $"in-service-{key.Replace('/', '-')}.json");
            File.WriteAllText(path, passport.ToJson());
            written.Add(path);
        }

        var images = RenderImages(run, outputDirectory, progress);
        written.AddRange(images.Select(i => Path.Combine(outputDirectory, i.RelativePath)));

        var json = BuildJson(run, written, images);
        var jsonPath = Path.Combine(outputDirectory, "report.json");
        var htmlPath = Path.Combine(outputDirectory, "report.html");
        json["outputs"]!.AsObject()["report_json"] = Path.GetFileName(jsonPath);
        json["outputs"]!.AsObject()["report_html"] = Path.GetFileName(htmlPath);
        File.WriteAllText(jsonPath, json.ToJsonString(Indented));
        File.WriteAllText(htmlPath, HtmlReportWriter.Render(BuildHtml(run, images)));
        written.Insert(0, htmlPath);
        written.Insert(0, jsonPath);
        return written;
    }

    private static List<ReportImage> RenderImages(SceneRunResult run, string outputDirectory, IProgress<string>? progress)
    {
        var images = new List<ReportImage>();
        var probe = HeadlessRenderer.Probe();
        if (!probe.IsAvailable)
        {
            throw new InvalidOperationException($"headless rendering is not available: {probe.Reason}");
        }

        using var renderer = HeadlessRenderer.Create();
        foreach (var (id, twin) in run.Runtime.Components)
        {
            if (!twin.Gauges.Any() || twin.PeakLoadN.Count == 0)
            {
                continue;
            }

            var model = run.Prepared.Components[id];
            var (vonMises, loadText) = PeakVonMises(twin, model);
            var file = $"{id}-von-mises.png";
            progress?.Report($"render: {file} ({renderer.GlRenderer})");
            var mpa = new double[vonMises.Length];
            for (var i = 0; i < mpa.Length; i++)
            {
                mpa[i] = vonMises[i] / 1e6;
            }

            StressImage.Write(renderer, model.Mesh, mpa, "von Mises stress", "MPa",
                $"{id}: von Mises stress at the peak load seen ({loadText}), E = {twin.NominalModulusPa / 1e9:G3} GPa", Path.Combine(outputDirectory, file));
            images.Add(new ReportImage(file, $"{twin.Definition.Name}: von Mises stress at the peak load of the feed ({loadText}), from the finite-element solution scaled by the ROM's load"));
        }

        return images;
    }

    /// <summary>Nodal von Mises stress under the peak loads of every load case (linear superposition of unit cases), Pa.</summary>
    private static (double[] VonMises, string LoadText) PeakVonMises(ComponentTwin twin, Components.ComponentModel model)
    {
        // Von Mises is not linear in load, so superpose nodal stress tensors, then take the invariant.
        var stress = new double[6 * model.Mesh.NodeCount];
        var text = new List<string>();
        foreach (var (loadCase, force) in twin.PeakLoadN)
        {
            var field = model.Results[loadCase].Stresses;
            var nodal = field.NodalStresses;
            for (var i = 0; i < stress.Length; i++)
            {
                stress[i] += nodal[i] * force;
            }

            text.Add($"{loadCase} {force / 1e3:F1} kN");
        }

        var vm = new double[model.Mesh.NodeCount];
        for (var n = 0; n < vm.Length; n++)
        {
            vm[n] = Simulation.SymmetricTensor.FromSpan(stress.AsSpan(6 * n, 6)).VonMises;
        }

        return (vm, string.Join(", ", text));
    }

    private static JsonObject BuildJson(SceneRunResult run, List<string> written, List<ReportImage> images)
    {
        var scene = run.Prepared.Scene;
        var runtime = run.Runtime;
        var root = new JsonObject
        {
            ["scene"] = new JsonObject
            {
                ["name"] = scene.Name,
                ["file"] = scene.File,
                ["schema_version"] = scene.Version,
                ["source"] = run.Source,
                ["feed_start"] = Iso(runtime.StartTicks),
                ["feed_end"] = Iso(runtime.EndTicks),
                ["prepare_seconds"] = Round(run.PrepareSeconds, 3),
                ["run_seconds"] = Round(run.RunSeconds, 3),
            },
        };

        var materials = new JsonObject();
        foreach (var (id, state) in run.Prepared.Materials)
        {
            var def = state.Definition;
            var composition = new JsonObject();
            foreach (var (element, fraction) in def.Composition.Fractions)
            {
                composition[element] = Round(fraction * 100, 6);
            }

            var process = new JsonArray();
            foreach (var step in def.Process)
            {
                var o = new JsonObject { ["step"] = step.Name };
                foreach (var (name, q) in step.SetPoints)
                {
                    o[name + "_si"] = q.ValueSI;
                }

                process.Add(o);
            }

            var evidence = new JsonArray();
            foreach (var (key, passport) in run.InService)
            {
                if (passport.MaterialId == id)
                {
                    evidence.Add(JsonNode.Parse(passport.ToJson()));
                }
            }

            materials[id] = new JsonObject
            {
                ["name"] = def.Name,
                ["class"] = def.Class,
                ["composition_wt_percent"] = composition,
                ["process"] = process,
                ["passport"] = JsonNode.Parse(run.Prepared.Passports[id].ToJson()),
                ["lab"] = new JsonArray([.. def.Lab.Select(l => (JsonNode)new JsonObject
                {
                    ["property"] = l.Property,
                    ["value_si"] = l.Value.ValueSI,
                    ["std_si"] = l.StandardUncertaintySI,
                    ["source"] = l.Provenance.Source,
                })]),
                ["in_service"] = evidence,
            };
        }

        root["material"] = materials;

        var components = new JsonObject();
        foreach (var (id, twin) in runtime.Components)
        {
            components[id] = ComponentJson(twin, run.Prepared.Components[id]);
        }

        root["component"] = components;

        var systems = new JsonObject();
        foreach (var (id, twin) in runtime.Systems)
        {
            var o = new JsonObject
            {
                ["kind"] = twin.Model.Definition.Kind,
                ["components"] = new JsonArray([.. twin.Model.Definition.ComponentIds.Select(c => (JsonNode)c)]),
                ["outputs_compared"] = twin.Compared,
                ["bad_inputs"] = twin.BadInputs,
                ["peak_inputs_si"] = new JsonObject([.. twin.PeakInput.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            };
            if (twin.Model is SimplySupportedBeam beam)
            {
                o["span_m"] = beam.SpanM;
                o["beam"] = new JsonObject { ["section"] = beam.BeamSection, ["source"] = beam.BeamSource };
            }

            systems[id] = o;
        }

        root["system"] = systems;
        root["validation"] = ValidationJson(run.Verdict);

        var feed = runtime.Feed;
        root["feed"] = new JsonObject
        {
            ["source"] = run.Source,
            ["received"] = feed.Received,
            ["released"] = feed.Released,
            ["duplicates_dropped"] = feed.Duplicates,
            ["reordered"] = feed.Reordered,
            ["late_dropped"] = feed.Late,
            ["bad_flagged"] = feed.Bad,
            ["rejected_malformed"] = feed.Rejected,
            ["gaps"] = new JsonArray([.. feed.Gaps.Select(g => (JsonNode)new JsonObject
            {
                ["sensor"] = g.Sensor,
                ["from"] = Iso(g.FromUtcTicks),
                ["to"] = Iso(g.ToUtcTicks),
                ["seconds"] = Round(g.Seconds, 3),
            })]),
        };
        root["events"] = new JsonArray([.. runtime.Events.Select(e => (JsonNode)new JsonObject
        {
            ["twin"] = e.Twin,
            ["kind"] = EventKindName(e.Kind),
            ["time"] = Iso(e.TimestampUtcTicks),
            ["severity"] = Round(e.Severity, 3),
            ["message"] = e.Message,
        })]);

        // A run long enough to raise more than the runtime holds in memory says how many of the oldest are not listed.
        if (runtime.Events.Dropped > 0)
        {
            root["events_not_listed"] = runtime.Events.Dropped;
        }

        if (feed.Gaps.Dropped > 0)
        {
            root["feed"]!["gaps_not_listed"] = feed.Gaps.Dropped;
        }

        root["outputs"] = new JsonObject
        {
            ["images"] = new JsonArray([.. images.Select(i => (JsonNode)i.RelativePath)]),
            ["files"] = new JsonArray([.. written.Select(w => (JsonNode)Path.GetFileName(w))]),
        };
        return root;
    }

    private static JsonObject ComponentJson(ComponentTwin twin, Components.ComponentModel model)
    {
        var s = model.Statistics;
        var rom = new JsonObject();
        foreach (var lc in twin.Definition.LoadCases)
        {
            var points = new JsonObject();
            foreach (var (point, _) in twin.Definition.Points)
            {
                var r = twin.Rom.Response(lc.Name, point);
                var o = new JsonObject
                {
                    ["displacement_along_load_mm_per_kN"] = Round(r.DisplacementM.Dot(lc.Direction) * 1e3 * 1e3, 9),
                    ["displacement_relative_numerical_uncertainty"] = Round(twin.Rom.DisplacementRelativeNumericalUncertainty(lc.Name, point, lc.Direction), 6),
                    ["von_mises_mpa_per_kN"] = Round(r.VonMisesPa / 1e6 * 1e3, 6),
                };
                foreach (var gauge in twin.Gauges)
                {
                    var cp = (ComponentPoint)gauge.Attachment;
                    if (cp.Point == point)
                    {
                        o[$"strain_{gauge.Id}_microstrain_per_kN"] = Round(r.StrainAlong(cp.Direction) * 1e6 * 1e3, 6);
                        o[$"strain_{gauge.Id}_relative_numerical_uncertainty"] = Round(twin.Rom.StrainRelativeNumericalUncertainty(lc.Name, point, cp.Direction), 6);
                    }
                }

                points[point] = o;
            }

            rom[lc.Name] = points;
        }

        var o2 = new JsonObject
        {
            ["name"] = twin.Definition.Name,
            ["material"] = twin.Definition.MaterialId,
            ["mesh"] = new JsonObject
            {
                ["geometry"] = Path.GetFileName(twin.Definition.GeometryPath),
                ["order"] = twin.Definition.Mesh.Order,
                ["size_mm"] = twin.Definition.Mesh.SizeM * 1e3,
                ["nodes"] = s.NodeCount,
                ["elements"] = s.ElementCount,
                ["element_types"] = string.Join(",", s.ElementTypes),
                ["meshing_seconds"] = Round(model.MeshSeconds, 3),
            },
            ["solver"] = new JsonObject
            {
                ["unknowns"] = s.DofCount,
                ["nonzeros"] = s.NonZeroCount,
                ["preconditioner"] = s.Preconditioner.ToString(),
                ["iterations"] = s.TotalIterations,
                ["relative_residual"] = model.Results.LoadCases.Max(l => l.RelativeResidual),
                ["assembly_seconds"] = Round(s.AssemblyTime.TotalSeconds, 3),
                ["preconditioner_seconds"] = Round(s.PreconditionerTime.TotalSeconds, 3),
                ["solve_seconds"] = Round(s.SolveTime.TotalSeconds, 3),
                ["coarse_mesh_unknowns"] = model.CoarseStatistics?.DofCount,
            },
            ["reference_modulus_pa"] = twin.Rom.ReferenceModulusPa,
            ["poissons_ratio"] = twin.Rom.PoissonRatio,
            ["rom"] = rom,
            ["peak_load_n"] = new JsonObject([.. twin.PeakLoadN.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Round(p.Value, 3)))]),
            ["gauge_samples_compared"] = twin.Compared,
            ["gauge_samples_without_load"] = twin.WithoutLoad,
        };

        if (twin.PeakLoadN.Count > 0)
        {
            var (vm, loadText) = PeakVonMises(twin, model);
            var peak = vm.Max();
            var at = Array.IndexOf(vm, peak);
            var fatigue = twin.Material.Require(MaterialPropertyNames.FatigueStrength).Value.Mean;
            var tensile = twin.Material.Require(MaterialPropertyNames.TensileStrength).Value.Mean;

            // Load cycles 0 -> peak: amplitude = mean = peak / 2; Goodman: 1/n = sa/Se + sm/Su.
            var goodman = 1.0 / ((peak / 2 / fatigue) + (peak / 2 / tensile));
            o2["peak"] = new JsonObject
            {
                ["loads"] = loadText,
                ["von_mises_mpa"] = Round(peak / 1e6, 3),
                ["at_node_mm"] = new JsonArray(Round(model.Mesh.X[at] * 1e3, 3), Round(model.Mesh.Y[at] * 1e3, 3), Round(model.Mesh.Z[at] * 1e3, 3)),
                ["goodman_safety_factor"] = Round(goodman, 3),
                ["note"] = "peak nodal von Mises of the linear solution; at a sharp re-entrant edge it depends on the mesh, so the Goodman factor (0->peak cycles, predicted fatigue and tensile strengths) is a screening figure",
            };
        }

        if (twin.Calibration is { Observations: > 0 } c)
        {
            var e = c.Modulus();
            var gauges = new JsonObject();
            var g = 0;
            foreach (var gauge in twin.Gauges)
            {
                var (rate, rateStd) = c.DriftPerHour(g);
                gauges[gauge.Id] = new JsonObject
                {
                    ["offset_at_start_microstrain"] = Round(c.Offset(g, 0) * 1e6, 4),
                    ["offset_std_microstrain"] = Round(c.OffsetStd(g, 0) * 1e6, 4),
                    ["drift_microstrain_per_hour"] = Round(rate * 1e6, 4),
                    ["drift_std_microstrain_per_hour"] = Round(rateStd * 1e6, 4),
                };
                g++;
            }

            o2["calibration"] = new JsonObject
            {
                ["parameter"] = "youngs_modulus",
                ["method"] = "Bayesian recursive least squares: reading = (E0/E) * prediction(E0) + offset + drift * t",
                ["nominal_pa"] = c.NominalModulusPa,
                ["mean_pa"] = e.Mean,
                ["std_pa"] = e.StandardDeviation,
                ["lower_pa"] = e.Lower,
                ["upper_pa"] = e.Upper,
                ["level"] = e.Level,
                ["ratio_to_nominal"] = Round(e.Mean / c.NominalModulusPa, 6),
                ["observations"] = c.Observations,
                ["residual_rms_microstrain"] = Round(c.ResidualRms * 1e6, 4),
                ["variance_inflation"] = Round(c.Inflation, 4),
                ["gauges"] = gauges,
            };
        }

        return o2;
    }

    private static JsonObject ValidationJson(ChainVerdict verdict)
    {
        var levels = new JsonObject();
        foreach (var level in verdict.Levels)
        {
            levels[level.Level.ToString().ToLowerInvariant()] = new JsonObject
            {
                ["passes"] = level.Passes,
                ["points"] = level.Points.Count,
                ["passing"] = level.PassCount,
                ["max_normalized_error"] = level.Points.Count > 0 ? Round(level.MaxNormalizedError, 4) : null,
                ["headline"] = new JsonArray([.. level.Headline.Select(p => (JsonNode)PointJson(p))]),
                ["comparisons"] = new JsonArray([.. level.Points.Select(p => (JsonNode)PointJson(p))]),
            };
        }

        return new JsonObject
        {
            ["method"] = "ASME V&V 20: E = S - D, u_val = sqrt(u_num^2 + u_input^2 + u_D^2), pass when |E| <= k u_val",
            ["coverage_factor"] = verdict.CoverageFactor,
            ["chain_holds"] = verdict.BreaksAt is null,
            ["breaks_at"] = verdict.BreaksAt?.ToString().ToLowerInvariant(),
            ["summary"] = verdict.Summary,
            ["levels"] = levels,
        };
    }

    private static JsonObject PointJson(ValidationResult p) => new()
    {
        ["twin"] = p.Twin,
        ["quantity"] = p.Quantity,
        ["unit"] = p.Unit,
        ["S"] = Round(p.Simulation, 6),
        ["D"] = Round(p.Data, 6),
        ["E"] = Round(p.ComparisonError, 6),
        ["E_relative"] = Round(p.RelativeError, 6),
        ["u_num"] = Round(p.NumericalUncertainty, 6),
        ["u_input"] = Round(p.InputUncertainty, 6),
        ["u_D"] = Round(p.DataUncertainty, 6),
        ["u_val"] = Round(p.ValidationUncertainty, 6),
        ["normalized_error"] = Round(p.NormalizedError, 4),
        ["passes"] = p.Passes,
        ["note"] = p.Note,
    };

    private static HtmlReportContent BuildHtml(SceneRunResult run, List<ReportImage> images)
    {
        var runtime = run.Runtime;
        var t0 = runtime.StartTicks;
        double Minutes(long ticks) => (ticks - t0) / (double)TimeSpan.TicksPerMinute;
        var charts = new List<ReportChart>();
        foreach (var (id, twin) in runtime.Components)
        {
            foreach (var gauge in twin.Gauges)
            {
                var series = twin.Series(gauge.Id);
                var t = series.Select(p => Minutes(p.Ticks)).ToArray();
                charts.Add(new ReportChart(
                    $"{id} / {gauge.Id}: predicted and measured strain",
                    new SvgChart($"{gauge.Id} strain", "time (min)", "strain (microstrain)")
                        .Line("measured", "#888888", t, series.Select(p => p.Measured * 1e6).ToArray(), 1.0)
                        .Line("predicted, nominal E", "#1f77b4", t, series.Select(p => p.Predicted * 1e6).ToArray())
                        .Line("predicted, calibrated E + offset", "#d62728", t, series.Select(p => p.Calibrated * 1e6).ToArray())
                        .ToSvg(),
                    "Prediction at the material passport's modulus (blue), the gauge reading (grey), and the prediction with the modulus, zero offset and drift calibrated online so far (red)."));
                var good = series.Where(p => p.Good && Math.Abs(p.Predicted) > 0).ToArray();
                charts.Add(new ReportChart(
                    $"{id} / {gauge.Id}: measured against predicted",
                    new SvgChart($"{gauge.Id}: measured vs predicted", "predicted at nominal E (microstrain)", "measured (microstrain)", 600, 420)
                        .Markers("samples", "#1f77b4", good.Select(p => p.Predicted * 1e6).ToArray(), good.Select(p => p.Measured * 1e6).ToArray())
                        .Line("measured = predicted", "#444444", [0, good.Length > 0 ? good.Max(p => p.Predicted) * 1e6 : 1], [0, good.Length > 0 ? good.Max(p => p.Predicted) * 1e6 : 1])
                        .ToSvg(),
                    "Every good sample; a slope above one means the part is more compliant than predicted."));
                charts.Add(new ReportChart(
                    $"{id} / {gauge.Id}: residual",
                    new SvgChart($"{gauge.Id}: measured - calibrated prediction", "time (min)", "residual (microstrain)")
                        .Markers("residual", "#2ca02c", good.Select(p => Minutes(p.Ticks)).ToArray(), good.Select(p => (p.Measured - p.Calibrated) * 1e6).ToArray(), 1.2)
                        .ToSvg(),
                    "Residual against the online calibration as it stood at each sample; it should settle to the gauge noise."));
            }
        }

        foreach (var (id, twin) in runtime.Systems)
        {
            foreach (var sensorId in twin.OutputSensors)
            {
                var sensor = runtime.Graph.FindSensor(sensorId)!;
                var series = twin.Series(sensorId);
                var t = series.Select(p => Minutes(p.Ticks)).ToArray();
                charts.Add(new ReportChart(
                    $"{id} / {sensorId}: predicted and measured",
                    new SvgChart($"{sensorId} ({sensor.Quantity})", "time (min)", $"{sensor.Quantity} ({sensor.Unit.Symbol})")
                        .Line("measured", "#888888", t, series.Select(p => sensor.Unit.FromSI(p.Measured)).ToArray(), 1.0)
                        .Line("predicted", "#1f77b4", t, series.Select(p => sensor.Unit.FromSI(p.Predicted)).ToArray())
                        .ToSvg(),
                    "System-level prediction from the measured inputs and the components' compliance, against the system's own sensor."));
            }
        }

        var tables = new List<ReportTable>();
        foreach (var (id, passport) in run.Prepared.Passports)
        {
            var rows = new List<KeyValuePair<string, string>>();
            foreach (var (name, q) in passport.Properties)
            {
                var scale = q.Dimension == Core.Units.Dimension.Pressure ? 1e6 : 1.0;
                var unit = scale == 1e6 ? " MPa" : string.Empty;
                rows.Add(new(name, $"{q.Value.ToString(scale)}{unit} - {q.Provenance.Kind}: {q.Provenance.Source}{(q.InApplicabilityDomain ? string.Empty : " (OUT OF DOMAIN)")}"));
            }

            foreach (var (key, evidence) in run.InService)
            {
                if (evidence.MaterialId == id)
                {
                    var e = evidence[MaterialPropertyNames.YoungsModulus];
                    rows.Add(new($"youngs_modulus (in service, {key})", $"{e.Value.ToString(1e9)} GPa - {e.Provenance.Source}"));
                }
            }

            tables.Add(new ReportTable($"Material passport: {id}", rows));
        }

        var feed = runtime.Feed;
        tables.Add(new ReportTable("Feed", [
            new("source", run.Source),
            new("received / processed", $"{feed.Received} / {feed.Released}"),
            new("duplicates dropped", feed.Duplicates.ToString(CultureInfo.InvariantCulture)),
            new("out of order, re-sorted", feed.Reordered.ToString(CultureInfo.InvariantCulture)),
            new("too late, dropped", feed.Late.ToString(CultureInfo.InvariantCulture)),
            new("flagged bad (NaN, range, source)", feed.Bad.ToString(CultureInfo.InvariantCulture)),
            new("malformed rows rejected", feed.Rejected.ToString(CultureInfo.InvariantCulture)),
            new("gaps", string.Join("; ", feed.Gaps.Select(g => $"{g.Sensor} {g.Seconds:F1} s from {new DateTimeOffset(g.FromUtcTicks, TimeSpan.Zero):HH:mm:ss}"))),
        ]));

        if (runtime.Events.Count > 0)
        {
            tables.Add(new ReportTable("Events", [.. runtime.Events.Take(50).Select(e =>
                new KeyValuePair<string, string>($"{e.Timestamp:HH:mm:ss} {e.Twin} {EventKindName(e.Kind)}", e.Message))]));
        }

        var scene = run.Prepared.Scene;
        return new HtmlReportContent(
            $"TwinPlatform report: {scene.Name}",
            $"{scene.File} - {run.Source} - feed {Iso(runtime.StartTicks)} to {Iso(runtime.EndTicks)}",
            run.Verdict,
            tables,
            charts,
            images);
    }

    /// <summary>The event kind as written in reports: <c>anomaly</c>, <c>drift</c>, <c>calibration-shift</c>, <c>gap</c>, <c>rejected</c>.</summary>
    public static string EventKindName(TwinEventKind kind) => kind switch
    {
        TwinEventKind.CalibrationShift => "calibration-shift",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Iso(long ticks) => new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static double Round(double v, int digits) => double.IsFinite(v) ? Math.Round(v, digits) : v;
}
