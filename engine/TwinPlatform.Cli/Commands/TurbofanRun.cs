using System.Globalization;
using System.Text;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Prognostics;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Server;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;
using TwinPlatform.Twins.Reports;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin run</c> of a <c>kind: turbofan-fleet</c> scene: replays the C-MAPSS test engines the scene
/// names (or receives them live over MQTT or the SignalR hub) through one system twin per engine (RUL model + blade twin), prints the fleet's RMSE, PHM08
/// score and interval coverage with the blade's margin history, and writes
/// <c>turbofan-report.json</c> and <c>turbofan.svg</c> to the output folder. Wiring only: the twins live
/// in TwinPlatform.Prognostics.
/// </summary>
public static class TurbofanRun
{
    /// <summary>The scene file's <c>kind</c> for a turbofan fleet.</summary>
    public const string Kind = "turbofan-fleet";

    /// <summary>Runs the scene as <c>twin run</c> asked: the recorded replay, or a live feed over MQTT or the SignalR hub.</summary>
    internal static async Task<int> RunAsync(RunRequest request, string outputFolder, IProgress<string> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Source == "replay")
        {
            return await RunAsync(request.Scene, outputFolder, progress, ct).ConfigureAwait(false);
        }

        var name = TurbofanSceneLoader.Load(request.Scene).Name;
        var options = new TurbofanLiveOptions
        {
            IdleTimeout = request.IdleSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            MaxSamples = request.MaxSamples,
            MaxStatesPerSecond = request.MaxStatesPerSecond ?? new TurbofanLiveOptions().MaxStatesPerSecond,
        };

        // Engines share channel names, so sample ids are twin/channel; the router checks them.
        var converter = new SensorMessageConverter(null, SensorIdMode.TwinAndChannel);
        if (request.Source == "mqtt")
        {
            var (host, port) = RunCommand.Endpoint(request.Broker, "--broker");
            var sourceOptions = new MqttSensorSourceOptions
            {
                Host = host,
                Port = port,
                ClientId = request.ClientId ?? $"twin-run-{name}",
                TopicFilter = request.Topic ?? MqttTopics.SceneFilter(name),
            };
            await using var source = new MqttSensorSource(sourceOptions, converter);
            progress.Report($"mqtt: connecting to {host}:{port}, subscribing to {sourceOptions.TopicFilter} as {sourceOptions.ClientId} (QoS 1, persistent session)");
            await source.StartAsync(ct).ConfigureAwait(false);
            var code = await RunLiveAsync(request.Scene, outputFolder, source, options, progress, ct).ConfigureAwait(false);
            progress.Report($"mqtt: {source.Counters}");
            return code;
        }

        var (listenHost, listenPort) = RunCommand.Endpoint(request.Listen, "--listen");
        await using var server = await SensorServer.StartAsync(new SensorServerOptions { Host = listenHost, Port = listenPort }, converter, ct).ConfigureAwait(false);
        progress.Report($"signalr: sensor hub listening at {server.HubUrl} (MessagePack protocol); gateways call Publish, viewers SubscribeState");
        var result = await RunLiveAsync(request.Scene, outputFolder, server.Source, options with { StatePublisher = server.StatePublisher }, progress, ct).ConfigureAwait(false);
        progress.Report($"signalr: {server.Source.Counters}");
        return result;
    }

    /// <summary>Runs the scene from its recorded replay.</summary>
    /// <param name="sceneFolder">Scene folder (holding scene.yaml) or scene file.</param>
    /// <param name="outputFolder">Where the report goes (created if missing).</param>
    /// <param name="progress">Progress lines.</param>
    /// <param name="ct">Cancels the replay.</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string sceneFolder, string outputFolder, IProgress<string> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Task.Run(() => Replay(sceneFolder, outputFolder, progress, ct), ct);
    }

    /// <summary>
    /// Runs the scene from a live source: the test engines' samples as <c>twin publish</c> sends them
    /// (<c>engine-{unit}/{channel}</c> ids, sequence = cycle), grouped into cycles, applied to each
    /// engine's twins as they arrive and acknowledged; then scores the fleet against the scene's true RUL
    /// file (line i = unit i), prints the same figures as the replay and writes the same report.
    /// </summary>
    /// <param name="sceneFolder">Scene folder (holding scene.yaml) or scene file.</param>
    /// <param name="outputFolder">Where the report goes (created if missing).</param>
    /// <param name="source">The live source (for example an <see cref="MqttSensorSource"/> in <see cref="SensorIdMode.TwinAndChannel"/> mode).</param>
    /// <param name="options">Idle timeout, sample limit and state publisher.</param>
    /// <param name="progress">Progress lines.</param>
    /// <param name="ct">Ends reading; what arrived is scored.</param>
    /// <returns>0 on success; 1 when no engine with a known true RUL arrived.</returns>
    public static async Task<int> RunLiveAsync(string sceneFolder, string outputFolder, IAcknowledgedSensorSource source, TurbofanLiveOptions options, IProgress<string> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var c = CultureInfo.InvariantCulture;
        var setup = Prepare(sceneFolder, progress);
        var fleet = new TurbofanFleet(setup.Model, setup.Rom, setup.Material, setup.Scene.CoreSpeed, setup.Scene.Temperature, setup.Scene.HistoryEngines);
        var assembler = new TurbofanCycleAssembler(fleet);
        var router = new TurbofanSampleRouter(assembler, options.TwinPrefix);
        progress.Report($"reading {source.Description}" + (options.IdleTimeout is { } idle ? string.Create(c, $"; ends {idle.TotalSeconds:F0} s after the last delivery") : "; ends on Ctrl+C"));
        var live = await TurbofanLiveRun.RunAsync(source, router, options, ct).ConfigureAwait(false);
        progress.Report(string.Create(c, $"{live.Deliveries} deliveries, {live.Samples} samples ({router.Unrouted} not engine channels, {router.Bad} bad, {live.RejectedMessages} rejected by the source); {fleet.Cycles} cycles of {fleet.EngineCount} engines applied ({assembler.CompleteCycles} complete, {assembler.HeldCycles} with held channels, {assembler.SkippedCycles} skipped, {assembler.DroppedSamples} repeated samples dropped) in {live.Seconds:F2} s; ended: {live.EndReason}"));

        var truth = CmapssReader.ReadRemainingUsefulLife(setup.Scene.RulFile);
        var units = new List<int>();
        var trueRul = new List<int>();
        var missing = 0;
        for (var u = 1; u <= truth.Length; u++)
        {
            if (fleet.Engine(u) is null)
            {
                missing++;
                continue;
            }

            units.Add(u);
            trueRul.Add(truth[u - 1]);
            if (fleet.FirstCycle(u) != 1)
            {
                progress.Report($"warning: unit {u} joined at cycle {fleet.FirstCycle(u)}, not 1 (a backlog from an earlier run?); its estimate misses the cycles before");
            }
        }

        var unknown = fleet.EngineCount - units.Count;
        if (missing > 0 || unknown > 0)
        {
            progress.Report($"warning: {missing} engine(s) of {Path.GetFileName(setup.Scene.RulFile)} never arrived; {unknown} arrived engine(s) have no true RUL and are not scored");
        }

        if (units.Count == 0)
        {
            Console.Error.WriteLine($"error: no engine with a true RUL in {setup.Scene.RulFile} arrived from {source.Description}");
            return 1;
        }

        var result = fleet.Result(units, trueRul, live.Seconds);
        Finish(setup, result, outputFolder);
        return 0;
    }

    private static Setup Prepare(string sceneFolder, IProgress<string> progress)
    {
        var c = CultureInfo.InvariantCulture;
        var scene = TurbofanSceneLoader.Load(sceneFolder);
        progress.Report($"scene {scene.Name}: replay {scene.TestFile}, model {scene.ModelFolder}");
        var model = RulModel.Load(scene.ModelFolder);
        var passport = MaterialPassport.FromJson(File.ReadAllText(scene.PassportFile));
        var material = new BladeMaterial(passport);
        var rom = BladeRom.Build(scene.Blade, material.Elastic(), BladeRom.RadPerS(scene.ReferenceSpeedRpm));
        var analytic = BladeRom.AnalyticBarStressPa(rom.DensityKgPerM3, rom.ReferenceSpeedRadPerS, scene.Blade.CheckPointRadiusM, scene.Blade.TipRadiusM);
        progress.Report(string.Create(c, $"blade ROM ({passport.MaterialId}): {rom.ElementCount} Hex20 elements, {rom.NodeCount} nodes; root stress {rom.ReferenceStressPa / 1e6:F2} MPa at {scene.ReferenceSpeedRpm:F0} rpm (rotating bar {analytic / 1e6:F2} MPa)"));
        return new Setup(scene, model, passport, material, rom);
    }

    private static int Replay(string sceneFolder, string outputFolder, IProgress<string> progress, CancellationToken ct)
    {
        var c = CultureInfo.InvariantCulture;
        var setup = Prepare(sceneFolder, progress);
        var scene = setup.Scene;
        var test = CmapssReader.Read(scene.TestFile);
        var rul = CmapssReader.ReadRemainingUsefulLife(scene.RulFile);
        var result = TurbofanFleetReplay.Run(test, rul, setup.Model, setup.Rom, setup.Material, scene.CoreSpeed, scene.Temperature, [.. scene.HistoryEngines], ct);
        progress.Report(string.Create(c, $"replayed {result.Cycles} cycles of {test.Engines.Count} engines in {result.ReplaySeconds:F2} s"));
        Finish(setup, result, outputFolder);
        return 0;
    }

    private static void Finish(Setup setup, TurbofanFleetResult result, string outputFolder)
    {
        var c = CultureInfo.InvariantCulture;
        var (scene, model, passport, material, rom) = setup;
        Directory.CreateDirectory(outputFolder);
        var report = TurbofanReport.Create(scene, model, rom, material, result);
        var json = Path.Combine(outputFolder, "turbofan-report.json");
        report.Write(json);
        var svg = Path.Combine(outputFolder, "turbofan.svg");
        File.WriteAllText(svg, Plot(report));

        var m = result.Metrics;
        Console.WriteLine(string.Create(c, $"{scene.Name}: {m.Count} C-MAPSS FD001 test engines, true RUL capped at {model.CapCycles:F0}"));
        Console.WriteLine(string.Create(c, $"  RUL at last cycle: RMSE {m.Rmse:F2} cycles, PHM08 score {m.Phm08Score:F1}, {m.Level:P0} interval coverage {m.Coverage:P0} (mean width {m.MeanIntervalWidth:F1} cycles), bias {m.Bias:F2}"));
        if (model.Manifest.Test is { } card)
        {
            Console.WriteLine(string.Create(c, $"  model card ({model.Id}): RMSE {card.LastCycle.Rmse:F2}, score {card.LastCycle.Phm08Score:F1}, coverage {card.LastCycle.Coverage:P0}"));
        }

        Console.WriteLine(string.Create(c, $"  blade ({passport.Name}), {scene.CoreSpeed.Name} -> speed, {scene.Temperature.Name} -> temperature, Kt {scene.Blade.StressConcentrationFactor}:"));
        foreach (var h in report.Histories)
        {
            var n = h.BladeMargin.Count;
            var line = new StringBuilder();
            line.Append(c, $"    unit {h.Unit,3} margin history (every {Math.Max(1, n / 8)} cycles):");
            var step = Math.Max(1, n / 8);
            for (var k = 0; k < n - 1; k += step)
            {
                line.Append(c, $" {k + 1}:{h.BladeMargin[k]:F3}");
            }

            line.Append(c, $" {n}:{h.BladeMargin[n - 1]:F3}; 5%-yield margin {h.BladeMarginLower[n - 1]:F3}; life used {h.BladeDamage[n - 1]:E2}; RUL {h.Rul[n - 1]:F0} [{h.RulLower[n - 1]:F0}, {h.RulUpper[n - 1]:F0}] (true {h.TrueRulAtEnd:F0})");
            Console.WriteLine(line.ToString());
        }

        var minimum = double.PositiveInfinity;
        var maxDamage = 0.0;
        foreach (var e in report.Engines)
        {
            minimum = Math.Min(minimum, e.BladeMinimumMargin);
            maxDamage = Math.Max(maxDamage, e.BladeDamage);
        }

        Console.WriteLine(string.Create(c, $"  fleet: smallest blade yield margin {minimum:F3}, largest life used {maxDamage:E2}"));
        Console.WriteLine($"  wrote {json}");
        Console.WriteLine($"  wrote {svg}");
    }

    private static string Plot(TurbofanReport report)
    {
        var truth = new List<double>();
        var predicted = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        foreach (var e in report.Engines)
        {
            truth.Add(e.TrueRul);
            predicted.Add(e.PredictedRul);
            lower.Add(e.Lower);
            upper.Add(e.Upper);
        }

        var rul = new SvgChart($"{report.Scene}: RUL at the last cycle of each test engine", "true RUL (capped), cycles", "RUL, cycles")
            .Line("ideal", "#999999", [0, report.CapCycles], [0, report.CapCycles])
            .Markers("interval lower", "#9ecae1", truth, lower, 1.2)
            .Markers("interval upper", "#9ecae1", truth, upper, 1.2)
            .Markers("predicted", "#d62728", truth, predicted, 2.2);
        var margin = new SvgChart("Blade yield margin per cycle", "cycle", "yield / stress - 1");
        string[] colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"];
        var i = 0;
        foreach (var h in report.Histories)
        {
            var x = new double[h.BladeMargin.Count];
            for (var k = 0; k < x.Length; k++)
            {
                x[k] = k + 1;
            }

            margin.Line($"unit {h.Unit}", colours[i++ % colours.Length], x, h.BladeMargin);
        }

        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"660\">\n" +
            "<g>" + rul.ToSvg() + "</g>\n<g transform=\"translate(0,330)\">" + margin.ToSvg() + "</g>\n</svg>\n";
    }

    private sealed record Setup(TurbofanScene Scene, RulModel Model, MaterialPassport Passport, BladeMaterial Material, BladeRom Rom);
}
