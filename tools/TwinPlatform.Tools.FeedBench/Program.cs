using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Server;
using TwinPlatform.Tools.FeedBench;
using TwinPlatform.Twins.Feeds.Wire;

// FeedBench: payloads of 24 samples through a mosquitto started here, at rising offered rates. Per rate
// and workload, first the broker's ceiling (a QoS 1 subscriber that does nothing), then the runtime:
// MqttSensorSource -> the runtime -> HubTwinStatePublisher -> a SignalR viewer that times each update.
var c = CultureInfo.InvariantCulture;
var rates = new List<double> { 1000, 2000, 5000, 10000, 20000, 0 };
var seconds = 10.0;
var warmupSeconds = 3.0;
var workloads = new List<string> { "turbofan", "bracket" };
var output = "out/feedbench";
var tcpNoDelay = true;
var repeats = 1;
var stage = TurbofanStage.Full;
int? maxStates = null;
ushort? receiveMaximum = null;
int? receiveLowWater = null;
List<CeilingClient> ceilingClients = [CeilingClient.WireThread, CeilingClient.WireAsync, CeilingClient.MqttNet, CeilingClient.WireHeld];
double? decodeSeconds = null;
const string Usage = "usage: FeedBench [--rates 1000,2000,5000,10000,20000,max] [--seconds 10] [--warmup 3] [--workloads turbofan,bracket] [--tcp-nodelay true] [--repeats 1] [--turbofan-stage full|source|route] [--max-states 2000] [--receive-maximum 64] [--receive-low-water 32768] [--ceiling-client wire-thread,wire-async,mqttnet,wire-held] [--out out/feedbench] | --decode SECONDS [--out DIR]";
for (var i = 0; i < args.Length; i += 2)
{
    if (args[i] is "--help" or "-h" || i + 1 == args.Length)
    {
        // Help, or an option without its value: nothing runs.
        Console.Error.WriteLine(args[i] is "--help" or "-h" ? Usage : $"{args[i]}: expected a value after it\n{Usage}");
        return args[i] is "--help" or "-h" ? 0 : 2;
    }

    switch (args[i])
    {
        case "--rates":
            rates = [.. args[i + 1].Split(',').Select(r => r == "max" ? 0 : double.Parse(r, c))];
            break;
        case "--seconds":
            seconds = double.Parse(args[i + 1], c);
            break;
        case "--warmup":
            warmupSeconds = double.Parse(args[i + 1], c);
            break;
        case "--workloads":
            workloads = [.. args[i + 1].Split(',')];
            break;
        case "--tcp-nodelay":
            tcpNoDelay = bool.Parse(args[i + 1]);
            break;
        case "--repeats":
            repeats = int.Parse(args[i + 1], c);
            break;
        case "--out":
            output = args[i + 1];
            break;
        case "--max-states":
            maxStates = int.Parse(args[i + 1], c);
            break;
        case "--receive-maximum":
            receiveMaximum = ushort.Parse(args[i + 1], c);
            break;
        case "--receive-low-water":
            receiveLowWater = int.Parse(args[i + 1], c);
            break;
        case "--ceiling-client":
            ceilingClients = [.. args[i + 1].Split(',').Select(n => Enum.Parse<CeilingClient>(n.Replace("-", "", StringComparison.Ordinal), ignoreCase: true))];
            break;
        case "--decode":
            decodeSeconds = double.Parse(args[i + 1], c);
            break;
        case "--turbofan-stage":
            stage = Enum.Parse<TurbofanStage>(args[i + 1], ignoreCase: true);
            break;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

if (decodeSeconds is { } decodeFor)
{
    // Decoding alone, no broker: the turbofan payloads through the payload reader both ways.
    var scene = TwinPlatform.Prognostics.Fleet.TurbofanSceneLoader.Load("scenes/turbofan");
    var table = await DecodeBench.RunAsync(scene.TestFile, decodeFor, CancellationToken.None);
    Console.Write(table);
    Directory.CreateDirectory(output);
    await File.WriteAllTextAsync(Path.Combine(output, "decode.md"), table);
    Console.WriteLine($"wrote {Path.Combine(output, "decode.md")}");
    return 0;
}

if (MosquittoProcess.Executable is null)
{
    Console.Error.WriteLine("mosquitto is not installed (apt-get install mosquitto)");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var ct = stop.Token;
var temp = Directory.CreateTempSubdirectory("feedbench-").FullName;
var loaded = new List<Workload>();
foreach (var name in workloads)
{
    loaded.Add(name switch
    {
        "turbofan" => await TurbofanWorkload.LoadAsync("scenes/turbofan", stage, maxStates, SourceOptions, ct),
        "bracket" => await BracketWorkload.LoadAsync("scenes/bracket", Path.Combine("out", "cache"), temp, SourceOptions, ct),
        _ => throw new ArgumentException($"unknown workload '{name}' (turbofan, bracket)"),
    });
}

var loadBefore = LoadAverage();
Console.WriteLine(string.Create(c, $"feedbench: {Environment.ProcessorCount} cores, load average {loadBefore}; {seconds:F0} s per phase after a {warmupSeconds:F0} s warm-up per workload; mosquitto set_tcp_nodelay {tcpNoDelay}; ceiling subscribers {string.Join(", ", ceilingClients)} (the fastest counts)"));

// No queue or in-flight limit at the broker (a slow QoS 1 subscriber is never dropped, mosquitto's
// default queue of 1000 would drop), no persistence: the benchmark needs none.
using var broker = MosquittoProcess.Start(
    Directory.CreateTempSubdirectory("feedbench-mosquitto-").FullName,
    new MosquittoProcessOptions { Persistence = false, MaxQueuedMessages = 0, MaxInflightMessages = 0, TcpNoDelay = tcpNoDelay });
await using var server = await SensorServer.StartAsync(new SensorServerOptions(), new SensorMessageConverter(null, SensorIdMode.TwinAndChannel), ct);
await using var viewer = await StateSubscriber.StartAsync(server.HubUrl, ct);
Console.WriteLine($"mosquitto pid {broker.ProcessId} on 127.0.0.1:{broker.Port}; sensor hub {server.HubUrl}");

var publishers = new List<RatePublisher>();
foreach (var w in loaded)
{
    var p = new RatePublisher(w);
    await p.ConnectAsync(broker.Port, ct);
    publishers.Add(p);

    // Warm-up, not recorded: JIT and tiering of the whole path, first twins, first store pages.
    if (warmupSeconds > 0)
    {
        _ = await MeasureRuntimeAsync(w, p, 5000, TimeSpan.FromSeconds(warmupSeconds));
        foreach (var client in ceilingClients)
        {
            _ = await MeasureCeilingAsync(client, w, p, 5000, TimeSpan.FromSeconds(warmupSeconds));
        }
    }
}

var duration = TimeSpan.FromSeconds(seconds);
var results = new List<FeedBenchRow>();
foreach (var rate in rates)
{
    for (var w = 0; w < loaded.Count; w++)
    {
        // Pairs of phases (ceiling, then runtime) one after the other; the row is the pair with the median
        // ratio, so a burst of other work on the machine during one phase does not make the figure.
        var pairs = new List<FeedBenchRow>();
        for (var k = 0; k < repeats; k++)
        {
            // The broker's ceiling is what the fastest of the do-nothing subscribers received.
            var ceilings = new List<(CeilingClient Client, double Rate, double Published, PhaseCpu Cpu)>();
            foreach (var client in ceilingClients)
            {
                var (clientRate, clientPublished, clientCpu) = await MeasureCeilingAsync(client, loaded[w], publishers[w], rate, duration);
                ceilings.Add((client, clientRate, clientPublished, clientCpu));
            }

            var best = ceilings.MaxBy(x => x.Rate);
            var pair = await MeasureRuntimeAsync(loaded[w], publishers[w], rate, duration);
            pair = pair with
            {
                PublishedSamplesPerSecond = (best.Published + pair.PublishedSamplesPerSecond) / 2,
                CeilingSamplesPerSecond = best.Rate,
                CeilingClients = string.Join(", ", ceilings.Select(x => string.Create(c, $"{x.Client} {x.Rate:F0}"))),
                Ratio = pair.RuntimeSamplesPerSecond / best.Rate,
                CeilingCpu = best.Cpu,
            };
            pairs.Add(pair);
            if (repeats > 1)
            {
                Stage($"pair {k + 1}/{repeats}: {Format(pair)}");
            }
        }

        var sorted = pairs.OrderBy(p => p.Ratio).ToList();
        var row = sorted[(sorted.Count - 1) / 2] with { Pairs = sorted.Count, RatioMin = sorted[0].Ratio, RatioMax = sorted[^1].Ratio };
        results.Add(row);
        Console.WriteLine(Format(row));
    }
}

foreach (var p in publishers)
{
    await p.DisposeAsync();
}

Directory.CreateDirectory(output);
var markdown = new StringBuilder();
markdown.AppendLine(string.Create(c, $"FeedBench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average before {loadBefore}, {seconds:F0} s per phase, {repeats} pair(s) of phases per row (median ratio shown), payload = 24 samples, QoS 1, mosquitto set_tcp_nodelay {tcpNoDelay}, ceiling subscribers {string.Join(", ", ceilingClients)} (the fastest counts)"));
markdown.AppendLine();
markdown.AppendLine(Header());
foreach (var r in results)
{
    markdown.AppendLine(Format(r));
}

File.WriteAllText(Path.Combine(output, "feedbench.md"), markdown.ToString());
File.WriteAllText(Path.Combine(output, "feedbench.json"), JsonSerializer.Serialize(
    new { Date = DateTime.UtcNow, Cores = Environment.ProcessorCount, LoadAverageBefore = loadBefore, SecondsPerPhase = seconds, PairsPerRow = repeats, TcpNoDelay = tcpNoDelay, CeilingClients = ceilingClients.ConvertAll(k => k.ToString()), SamplesPerPayload = 24, Rows = results },
    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
Console.WriteLine($"wrote {Path.Combine(output, "feedbench.md")} and feedbench.json");
try
{
    Directory.Delete(temp, recursive: true);
}
catch (IOException)
{
    // Left for the system's temp cleaning.
}

return 0;

async Task<(double Rate, double Published, PhaseCpu Cpu)> MeasureCeilingAsync(CeilingClient client, Workload workload, RatePublisher publisher, double rate, TimeSpan phase)
{
    await using var ceiling = new CeilingSubscriber(client, receiveLowWater);
    await ceiling.StartAsync(broker.Port, TwinPlatform.Plugins.Mqtt.MqttTopics.SceneFilter(workload.Scene), ct);
    var cpu = CpuClock.Start(broker.ProcessId);
    var pub = await publisher.RunAsync(rate, phase, ct);
    Stage($"{workload.Name} ceiling ({client}): published {pub.Samples} samples");
    await WaitForAsync(() => ceiling.Payloads, pub.Payloads, ct);
    Stage($"{workload.Name} ceiling ({client}): received {ceiling.Payloads * workload.SamplesPerPayload} samples");
    return (ceiling.Payloads * workload.SamplesPerPayload / (ceiling.Last - ceiling.First).TotalSeconds, pub.Samples / pub.Seconds, cpu.PerPayload(ceiling.Payloads));
}

async Task<FeedBenchRow> MeasureRuntimeAsync(Workload workload, RatePublisher publisher, double rate, TimeSpan phase)
{
    var droppedBefore = server.StatePublisher.Dropped;
    using var drain = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var run = await workload.StartRuntimeAsync(broker.Port, server.StatePublisher, drain.Token);
    Stage($"{workload.Name} runtime: started");
    await using (run.Owner)
    {
        viewer.Reset(DateTime.UtcNow.Ticks);
        var cpu = CpuClock.Start(broker.ProcessId);
        var published = await publisher.RunAsync(rate, phase, ct);
        Stage($"{workload.Name} runtime: published {published.Samples} samples");

        // A runtime slower than the offered rate drains its backlog for at most as long again; then it is
        // stopped and its rate is what it acknowledged until then. The rest stays unconsumed.
        drain.CancelAfter(phase + TimeSpan.FromSeconds(5));
        try
        {
            await run.Completion;
        }
        catch (OperationCanceledException)
        {
            // Stopped while draining.
        }

        Stage($"{workload.Name} runtime: ended, {run.Source.AcknowledgedSamples} samples acknowledged");
        var runtimeCpu = cpu.PerPayload(run.Source.AcknowledgedSamples / workload.SamplesPerPayload);

        await WaitForAsync(() => server.StatePublisher.Published + server.StatePublisher.Dropped + server.StatePublisher.Failed, -1, ct);
        var latencies = viewer.Take();
        latencies.Sort();
        var runtimeRate = run.Source.AcknowledgedSamples / run.Source.Seconds;
        return new FeedBenchRow(
            workload.Name,
            rate,
            published.Samples / published.Seconds,
            double.NaN,
            runtimeRate,
            double.NaN,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Count > 0 ? latencies[^1] : double.NaN,
            latencies.Count,
            run.Counters.QueueHighWater,
            published.Samples - run.Source.AcknowledgedSamples,
            server.StatePublisher.Dropped - droppedBefore,
            LoadAverage())
        {
            RuntimeCpu = runtimeCpu,
        };
    }
}

// The runtime sources' settings from the command line; the rest as each workload sets them.
MqttSensorSourceOptions SourceOptions(MqttSensorSourceOptions options) => options with
{
    ReceiveMaximum = receiveMaximum ?? options.ReceiveMaximum,
    ReceiveLowWater = receiveLowWater ?? options.ReceiveLowWater,
};

static void Stage(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

static string Header() =>
    "| workload | offered samples/s | published | broker ceiling | runtime sustained | ratio | ratio range | p50 ms | p99 ms | max ms | state updates | queue high water | unconsumed samples | dropped updates | load | CPU µs per payload, ceiling: tool + broker (tool bytes allocated) | CPU µs per payload, runtime: tool + broker (tool bytes allocated) | ceiling by subscriber |\n" +
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

static string Format(FeedBenchRow r) => string.Create(CultureInfo.InvariantCulture,
    $"| {r.Workload} | {(r.OfferedSamplesPerSecond > 0 ? r.OfferedSamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture) : "max")} | {r.PublishedSamplesPerSecond:F0} | {r.CeilingSamplesPerSecond:F0} | {r.RuntimeSamplesPerSecond:F0} | {r.Ratio:F3} | {(r.Pairs > 1 ? $"{r.RatioMin:F3}-{r.RatioMax:F3} ({r.Pairs})" : "")} | {r.LatencyP50Ms:F1} | {r.LatencyP99Ms:F1} | {r.LatencyMaxMs:F1} | {r.StateUpdates} | {r.QueueHighWater} | {r.UnconsumedSamples} | {r.DroppedStateUpdates} | {r.LoadAverage:F2} | {r.CeilingCpu} | {r.RuntimeCpu} | {r.CeilingClients} |");

static double Percentile(List<double> sorted, double q) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

static double LoadAverage()
{
    var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "NaN";
    return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
}

// Waits until the counter reaches the target (-1: until it stops changing for 1 s), or 30 s without progress.
static async Task WaitForAsync(Func<long> counter, long target, CancellationToken ct)
{
    var last = counter();
    var still = Stopwatch.StartNew();
    while ((target < 0 || counter() < target) && still.Elapsed < TimeSpan.FromSeconds(target < 0 ? 1 : 30))
    {
        await Task.Delay(50, ct);
        var now = counter();
        if (now != last)
        {
            last = now;
            still.Restart();
        }
    }
}
