using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TwinPlatform.Core;
using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Tools.SensorSim;
using TwinPlatform.Twins.Runtime;
using TwinPlatform.Twins.Systems;

// Makes the recorded feed of a beam-on-brackets scene from the scene's own physics (the components'
// finite-element ROMs and the beam's statics), with a stated difference from the prediction (the
// brackets' true modulus is a factor off the passport's), sensor noise, a drifting gauge offset, and
// the faults a real feed has: a dropout, a duplicate, an out-of-order sample and a NaN reading.
// Writes the feed (CSV) and a truth file saying exactly what was used.
var options = SimOptions.Parse(args);
try
{
    var scene = SceneLoader.Load(options.Scene);
    var progress = new Progress<string>(line => Console.Error.WriteLine($"  {line}"));
    var cache = Path.Combine(Path.GetTempPath(), "twinplatform-sensorsim-cache");
    var prepared = ScenePreparation.Prepare(scene, cache, progress);
    var system = scene.Systems.Count == 1 ? scene.Systems[0] : throw new InvalidOperationException("the simulator drives scenes with exactly one system");
    if (SystemModels.Create(system) is not SimplySupportedBeam beam)
    {
        throw new InvalidOperationException($"the simulator knows {SimplySupportedBeam.Kind} systems, not '{system.Kind}'");
    }

    Write(scene, prepared, beam, options);
    return 0;
}
catch (InputFileException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

static void Write(SceneDefinition scene, PreparedScene prepared, SimplySupportedBeam beam, SimOptions o)
{
    var rng = new Random(o.Seed);
    var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    var scenario = new LiftScenario(rng, o.DurationS, beam.SpanM, o.MaxPayloadN);
    var truthCompliance = new TrueCompliance(prepared, o.ModulusFactor);

    var gauges = new List<(SensorNode Sensor, ComponentPoint At, string LoadCase)>();
    SensorNode? payload = null, position = null;
    var outputs = new List<SensorNode>();
    foreach (var s in scene.Sensors)
    {
        switch (s.Attachment)
        {
            case ComponentPoint cp:
                gauges.Add((s, cp, scene.Component(cp.Component.Value).LoadCases[0].Name));
                break;
            case SystemChannel { Channel: "payload" }:
                payload = s;
                break;
            case SystemChannel { Channel: "position" }:
                position = s;
                break;
            case SystemChannel:
                outputs.Add(s);
                break;
        }
    }

    if (payload is null || position is null || gauges.Count == 0)
    {
        throw new InvalidOperationException("the scene needs payload and position channels and at least one gauge");
    }

    var gauge = gauges[0].Sensor;
    var dt = 1.0 / o.RateHz;
    var samples = (int)Math.Round(o.DurationS * o.RateHz);
    var seq = new Dictionary<string, long>(StringComparer.Ordinal);
    var rows = new List<string>(samples * (2 + gauges.Count + outputs.Count));
    string? delayed = null;
    var faults = new JsonArray();
    var dropoutFrom = 0.5 * o.DurationS;
    var dropoutTo = dropoutFrom + 18;
    var duplicateAt = (int)(0.2 * samples);
    var swapAt = (int)(0.33 * samples);
    var nanAt = (int)(0.66 * samples);
    var offset = o.GaugeOffset;
    var drift = o.GaugeDriftPerHour;

    for (var i = 0; i < samples; i++)
    {
        var t = i * dt;
        var stamp = start.AddTicks((long)Math.Round(t * TimeSpan.TicksPerSecond)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var (p, a) = scenario.At(t);
        beam.SetInput("payload", p, 0);
        beam.SetInput("position", a, 0);
        var loads = beam.ComponentLoads();

        rows.Add(Row(stamp, payload, p + (payload.StandardUncertaintySI * Gauss(rng)), "good", seq));
        rows.Add(Row(stamp, position, a + (position.StandardUncertaintySI * Gauss(rng)), "good", seq));

        foreach (var (sensor, at, loadCase) in gauges)
        {
            double strain = 0;
            foreach (var load in loads)
            {
                if (load.ComponentId == at.Component.Value)
                {
                    strain += truthCompliance.StrainPerNewton(at.Component.Value, loadCase, at.Point, at.Direction) * load.ForceN;
                }
            }

            var hours = t / 3600;
            var reading = strain + offset + (drift * hours) + (sensor.StandardUncertaintySI * Gauss(rng));
            if (sensor == gauge && t >= dropoutFrom && t < dropoutTo)
            {
                continue;
            }

            var row = Row(stamp, sensor, reading, "good", seq);
            if (sensor == gauge && i == swapAt)
            {
                delayed = row;
                faults.Add(new JsonObject { ["kind"] = "out_of_order", ["sensor"] = sensor.Id, ["time"] = stamp, ["seq"] = seq[sensor.Id] - 1, ["note"] = "written after the next instant's samples" });
                continue;
            }

            rows.Add(row);
            if (sensor == gauge && i == duplicateAt)
            {
                rows.Add(row);
                faults.Add(new JsonObject { ["kind"] = "duplicate", ["sensor"] = sensor.Id, ["time"] = stamp, ["seq"] = seq[sensor.Id] - 1 });
            }
        }

        foreach (var sensor in outputs)
        {
            var value = beam.Predict(((SystemChannel)sensor.Attachment).Channel, truthCompliance).ValueSI;
            if (i == nanAt)
            {
                rows.Add(Row(stamp, sensor, double.NaN, "good", seq));
                faults.Add(new JsonObject { ["kind"] = "nan", ["sensor"] = sensor.Id, ["time"] = stamp, ["seq"] = seq[sensor.Id] - 1 });
                continue;
            }

            rows.Add(Row(stamp, sensor, value + (sensor.StandardUncertaintySI * Gauss(rng)), "good", seq));
        }

        if (delayed is not null && i == swapAt + 1)
        {
            rows.Add(delayed);
            delayed = null;
        }
    }

    faults.Add(new JsonObject { ["kind"] = "dropout", ["sensor"] = gauge.Id, ["from_s"] = dropoutFrom, ["to_s"] = dropoutTo });

    var feedPath = scene.Feed.ReplayPath ?? throw new InvalidOperationException("the scene names no feed.replay file to write");
    var sb = new StringBuilder("timestamp,sensor,value,unit,quality,seq\n");
    foreach (var r in rows)
    {
        sb.Append(r).Append('\n');
    }

    File.WriteAllText(feedPath, sb.ToString());

    var material = prepared.Materials[scene.Component(gauges[0].At.Component.Value).MaterialId];
    var nominal = material.YoungsModulus.Value.Mean;
    var truth = new JsonObject
    {
        ["generator"] = "TwinPlatform.Tools.SensorSim",
        ["command"] = $"dotnet run --project tools/TwinPlatform.Tools.SensorSim -- {o.Scene} --seed {o.Seed} --modulus-factor {o.ModulusFactor.ToString(CultureInfo.InvariantCulture)}",
        ["seed"] = o.Seed,
        ["start"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["duration_s"] = o.DurationS,
        ["rate_hz"] = o.RateHz,
        ["max_payload_n"] = o.MaxPayloadN,
        ["stated_difference"] = "the brackets' true Young's modulus is modulus_factor times the material passport's; everything else follows the scene's physics",
        ["material"] = material.Definition.Id,
        ["youngs_modulus_nominal_pa"] = nominal,
        ["modulus_factor"] = o.ModulusFactor,
        ["youngs_modulus_true_pa"] = nominal * o.ModulusFactor,
        ["gauge_offset_at_start"] = offset,
        ["gauge_drift_per_hour"] = drift,
        ["noise_std_si"] = new JsonObject([.. scene.Sensors.Select(s => KeyValuePair.Create(s.Id, (JsonNode?)s.StandardUncertaintySI))]),
        ["faults"] = faults,
        ["rows"] = rows.Count,
    };
    var truthPath = scene.Feed.TruthPath ?? Path.ChangeExtension(feedPath, ".truth.json");
    File.WriteAllText(truthPath, truth.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    Console.WriteLine($"wrote {rows.Count} samples to {feedPath}");
    Console.WriteLine($"wrote {truthPath}: true modulus {nominal * o.ModulusFactor / 1e9:F2} GPa ({o.ModulusFactor} x {nominal / 1e9:F2} GPa)");
}

static string Row(string stamp, SensorNode sensor, double valueSI, string quality, Dictionary<string, long> seq)
{
    var n = seq.GetValueOrDefault(sensor.Id);
    seq[sensor.Id] = n + 1;
    var value = double.IsNaN(valueSI) ? "NaN" : sensor.Unit.FromSI(valueSI).ToString("G9", CultureInfo.InvariantCulture);
    return $"{stamp},{sensor.Id},{value},{sensor.Unit.Symbol},{quality},{n}";
}

static double Gauss(Random rng)
{
    // Box-Muller.
    var u1 = 1.0 - rng.NextDouble();
    var u2 = rng.NextDouble();
    return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
}
