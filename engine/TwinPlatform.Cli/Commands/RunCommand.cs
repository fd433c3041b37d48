using System.CommandLine;
using TwinPlatform.Core;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Server;
using TwinPlatform.Storage;
using TwinPlatform.Storage.Twins;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;
using TwinPlatform.Twins.Reports;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin run SCENE [--source replay|mqtt|signalr] [...] [-o DIR]</c>: run a scene against a sensor
/// source with every accepted sample committed to the twin store before it is acknowledged, and
/// write its report.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scene = new Argument<string>("scene") { Description = "Scene folder (holding scene.yaml) or scene file" };
        var source = new Option<string>("--source") { Description = "Sample source: replay (the scene's recorded feed), mqtt (a broker), signalr (gateways push to this process's hub)", DefaultValueFactory = _ => "replay" };
        source.AcceptOnlyFromAmong("replay", "mqtt", "signalr");
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: out/<scene name>)" };
        var store = new Option<string?>("--store") { Description = "Twin store: sqlite:PATH or a path (default: sqlite:<output>/twins.db), or postgres:CONNECTION-STRING / Host=..." };
        var runId = new Option<string?>("--run-id") { Description = "Run id in the store; an unfinished run with this id is resumed (default: <scene>-<source> for live sources, a fresh id for replay)" };
        var broker = new Option<string>("--broker") { Description = "MQTT broker host:port", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var topic = new Option<string?>("--topic") { Description = "MQTT topic filter (default: twin/<scene>/+/+)" };
        var clientId = new Option<string?>("--client-id") { Description = "MQTT client id; keep it across restarts so the broker redelivers what was not acknowledged (default: twin-run-<scene>)" };
        var listen = new Option<string>("--listen") { Description = "SignalR: host:port to serve the sensor hub on (/hubs/sensors)", DefaultValueFactory = _ => "127.0.0.1:5180" };
        var idle = new Option<double?>("--idle-timeout") { Description = "Live sources: end the run after this many seconds without a sample (default: run until Ctrl+C)" };
        var maxSamples = new Option<long?>("--max-samples") { Description = "End the run after this many samples" };
        var records = new Option<string?>("--records") { Description = "Material record store that receives the in-service evidence (default: out/materials.db)" };
        var maxStates = new Option<double?>("--max-states") { Description = "Turbofan fleet, live sources: budget of engine state pushes per second over the fleet; beyond it an engine's state waits and goes out once with its latest cycle (default 2000; 0 pushes every update)" };
        var command = new Command("run", "Run a twin scene against a sensor source and write the report")
        {
            scene, source, output, store, runId, broker, topic, clientId, listen, idle, maxSamples, records, maxStates,
        };
        command.SetAction((result, ct) => Execute(
            new RunRequest(
                result.GetValue(scene)!,
                result.GetValue(source)!,
                result.GetValue(output),
                result.GetValue(store),
                result.GetValue(runId),
                result.GetValue(broker)!,
                result.GetValue(topic),
                result.GetValue(clientId),
                result.GetValue(listen)!,
                result.GetValue(idle),
                result.GetValue(maxSamples),
                result.GetValue(records),
                result.GetValue(maxStates)),
            ct));
        return command;
    }

    internal static Task<int> Execute(string scenePath, string? output, CancellationToken ct) =>
        Execute(new RunRequest(scenePath, "replay", output, null, null, "127.0.0.1:1883", null, null, "127.0.0.1:5180", null, null, null), ct);

    internal static async Task<int> Execute(RunRequest request, CancellationToken ct)
    {
        if (request.MaxStatesPerSecond is { } budget && !(budget >= 0))
        {
            Console.Error.WriteLine($"error: --max-states must be 0 (every update) or a positive number of state pushes per second, not {budget.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return 2;
        }

        var progress = new ConsoleProgress();
        try
        {
            var root = RepoLocator.Root;
            if (SceneKind(request.Scene) == TurbofanRun.Kind)
            {
                return await TurbofanRun.RunAsync(request, request.Output ?? Path.Combine(root, "out", "turbofan"), progress, ct).ConfigureAwait(false);
            }

            var scene = SceneLoader.Load(request.Scene);
            progress.Report($"scene '{scene.Name}': {scene.Materials.Count} material(s), {scene.Components.Count} component(s), {scene.Systems.Count} system(s), {scene.Sensors.Count} sensor(s)");
            var prepared = ScenePreparation.Prepare(scene, Path.Combine(root, "out", "cache"), progress);
            var prepareSeconds = progress.Seconds;
            var dir = Path.GetFullPath(request.Output ?? Path.Combine(root, "out", scene.Name));
            Directory.CreateDirectory(dir);
            var storeSpec = request.Store ?? "sqlite:" + Path.Combine(dir, "twins.db");
            await using var store = await TwinStores.OpenAsync(storeSpec, ct).ConfigureAwait(false);
            var runId = request.RunId ?? (request.Source == "replay"
                ? $"{scene.Name}-replay-{DateTime.UtcNow:yyyyMMddTHHmmssfff}"
                : await DurableRun.ResumableRunIdAsync(store, $"{scene.Name}-{request.Source}").ConfigureAwait(false));
            var options = new DurableRunOptions
            {
                RunId = runId,
                IdleTimeout = request.IdleSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
                MaxSamples = request.MaxSamples,
            };
            progress.Report($"store {Describe(storeSpec)}, run '{runId}'");

            var (run, durable) = await RunAgainstSourceAsync(request, scene, prepared, store, options, prepareSeconds, progress, ct).ConfigureAwait(false);
            var files = new List<string>(SceneReportWriter.Write(run, dir, progress));
            var recordsPath = request.Records ?? Path.Combine(root, "out", "materials.db");
            var inService = InServiceRecords.From(scene, run.InService, runId);
            if (inService.Count > 0)
            {
                using var recordStore = SqliteRecordStore.Open(recordsPath);
                recordStore.Put(inService);
                progress.Report($"in-service evidence: {inService.Count} record(s) written to {recordsPath} ({string.Join(", ", inService.Select(r => r.Id))})");
            }

            await DurableRun.MarkCompleteAsync(store, runId, $"report written to {dir}").ConfigureAwait(false);
            RunSummary.Print(run, files, progress.Seconds);
            Console.Out.WriteLine($"store     {Describe(storeSpec)} run '{durable.RunId}': {durable.Resumed} resumed, {durable.Committed} committed, {durable.Redelivered} already stored (redelivered or duplicate); ended: {durable.EndReason}");
            return 0;
        }
        catch (InputFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (ArgumentException e) when (e.Message.Contains("broker", StringComparison.Ordinal) || e.Message.Contains("listen", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static async Task<(SceneRunResult, DurableRunResult)> RunAgainstSourceAsync(
        RunRequest request, SceneDefinition scene, PreparedScene prepared, ITwinStore store, DurableRunOptions options, double prepareSeconds, ConsoleProgress progress, CancellationToken ct)
    {
        switch (request.Source)
        {
            case "mqtt":
                {
                    var (host, port) = Endpoint(request.Broker, "--broker");
                    var sourceOptions = new MqttSensorSourceOptions
                    {
                        Host = host,
                        Port = port,
                        ClientId = request.ClientId ?? $"twin-run-{scene.Name}",
                        TopicFilter = request.Topic ?? MqttTopics.SceneFilter(scene.Name),
                    };
                    await using var source = new MqttSensorSource(sourceOptions, new SensorMessageConverter(scene.Sensors));
                    progress.Report($"mqtt: connecting to {host}:{port}, subscribing to {sourceOptions.TopicFilter} as {sourceOptions.ClientId} (QoS 1, persistent session; waits for the broker)");
                    await source.StartAsync(ct).ConfigureAwait(false);
                    progress.Report("mqtt: subscribed");
                    var result = await DurableRun.RunAsync(prepared, source, store, options, prepareSeconds, progress, ct).ConfigureAwait(false);
                    progress.Report($"mqtt: {source.Counters}");
                    return result;
                }

            case "signalr":
                {
                    var (host, port) = Endpoint(request.Listen, "--listen");
                    await using var server = await SensorServer.StartAsync(new SensorServerOptions { Host = host, Port = port }, new SensorMessageConverter(scene.Sensors), ct).ConfigureAwait(false);
                    progress.Report($"signalr: sensor hub listening at {server.HubUrl} (MessagePack protocol); gateways call Publish, viewers SubscribeState");
                    var result = await DurableRun.RunAsync(prepared, server.Source, store, options with { StatePublisher = server.StatePublisher }, prepareSeconds, progress, ct).ConfigureAwait(false);
                    progress.Report($"signalr: {server.Source.Counters}");
                    return result;
                }

            default:
                {
                    var replay = scene.Feed.ReplayPath
                        ?? throw new InputFileException(scene.File, 0, 0, "feed.replay", "the scene names no recorded feed to replay");
                    var source = new CsvFeedReader(replay, scene.Sensors);
                    var result = await DurableRun.RunAsync(prepared, source, store, options, prepareSeconds, progress, ct).ConfigureAwait(false);
                    result.Item1.Runtime.RejectedBySource = source.Rejected.Count;
                    return result;
                }
        }
    }

    /// <summary>The scene file's <c>kind</c> (a fleet scene has its own runner), or null for a component/system scene.</summary>
    internal static string? SceneKind(string scenePath)
    {
        var file = Directory.Exists(scenePath) ? Path.Combine(scenePath, SceneLoader.DefaultFileName) : scenePath;
        if (!File.Exists(file))
        {
            return null;
        }

        var root = Core.Yaml.YamlFile.Load(file);
        return root.Node is Core.Yaml.YamlMapping ? root.AsMapping().OptionalString("kind") : null;
    }

    internal static (string Host, int Port) Endpoint(string text, string option)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
        {
            throw new ArgumentException($"{option} '{text}': expected host:port, for example 127.0.0.1:1883 ({option[2..]})");
        }

        return (text[..colon], port);
    }

    private static string Describe(string spec)
    {
        var (dialect, target) = TwinStores.Parse(spec);
        if (dialect == TwinStoreDialect.Sqlite)
        {
            return "sqlite " + target;
        }

        // Never print a password.
        var parts = target.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase));
        return "postgresql " + string.Join(';', parts);
    }
}

/// <summary>The options of one <c>twin run</c>.</summary>
internal sealed record RunRequest(
    string Scene,
    string Source,
    string? Output,
    string? Store,
    string? RunId,
    string Broker,
    string? Topic,
    string? ClientId,
    string Listen,
    double? IdleSeconds,
    long? MaxSamples,
    string? Records,
    double? MaxStatesPerSecond = null);
