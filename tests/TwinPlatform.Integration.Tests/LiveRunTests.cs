using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Storage.Twins;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;
using Xunit.Abstractions;

namespace TwinPlatform.Integration.Tests;

/// <summary>
/// <c>twin run</c> against live transports, as processes: a real mosquitto, the SignalR hub, the
/// PostgreSQL store, and a runner killed with SIGKILL mid-feed and restarted.
/// </summary>
public sealed class LiveRunTests(DemoFixture demo, ITestOutputHelper output) : IClassFixture<DemoFixture>
{
    /// <summary>Unique samples in the bracket feed: 11,911 rows, one a deliberate duplicate.</summary>
    private const int FeedSamples = 11910;

    private static readonly string Twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
    private static readonly string Scene = Path.Combine(RepoPaths.Root, "scenes", "bracket");

    [Fact]
    public async Task Mqtt_RunnerKilledMidFeed_ResumesFromTheStore_LosesNothing_AndAgreesWithTheReplay()
    {
        Assert.True(MosquittoProcess.Executable is not null, "mosquitto is not installed (./twin test installs it)");
        using var broker = MosquittoProcess.Start(RepoPaths.NewTempFolder("mosquitto"), new MosquittoProcessOptions { Persistence = true });
        var dir = RepoPaths.NewTempFolder("live-mqtt");
        var db = Path.Combine(dir, "twins.db");
        var runArgs = $"\"{Twin}\" run \"{Scene}\" --source mqtt --broker 127.0.0.1:{broker.Port} --client-id it-live --run-id live " +
                      $"--store \"sqlite:{db}\" --idle-timeout 6 -o \"{Path.Combine(dir, "out")}\" --records \"{Path.Combine(dir, "materials.db")}\"";

        // First runner: wait until it is subscribed, then start the gateway at 60x real time (10 s of publishing).
        using var first = TwinProcess.Start(runArgs);
        await first.WaitForLineAsync("mqtt: subscribed", TimeSpan.FromMinutes(3));
        using var publisher = TwinProcess.Start($"\"{Twin}\" publish \"{Scene}\" --broker 127.0.0.1:{broker.Port} --speed 60");

        // Kill it with SIGKILL once it has committed a few thousand samples, mid-feed.
        await first.WaitForLineAsync("samples received", TimeSpan.FromMinutes(2));
        first.Kill();
        long committedBeforeKill = 0;
        await using (var store = await TwinStores.OpenAsync("sqlite:" + db))
        {
            await foreach (var _ in store.ReadSamplesAsync("live"))
            {
                committedBeforeKill++;
            }
        }
        output.WriteLine($"killed with {committedBeforeKill} samples committed");
        Assert.InRange(committedBeforeKill, 1, FeedSamples - 1);

        // Second runner: same client id and run id; resumes from the store while the gateway keeps publishing.
        using var second = TwinProcess.Start(runArgs);
        Assert.Equal(0, await publisher.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        output.WriteLine(second.Output);
        Assert.Contains($"run 'live': resumed, {committedBeforeKill} stored samples replayed", second.Output, StringComparison.Ordinal);

        // Nothing lost, nothing twice: every unique sample of the feed is in the store exactly once.
        await using (var store = await TwinStores.OpenAsync("sqlite:" + db))
        {
            var seen = new HashSet<(string, long)>();
            await foreach (var s in store.ReadSamplesAsync("live"))
            {
                Assert.True(seen.Add((s.Channel, s.Sequence)), $"{s.Channel} #{s.Sequence} stored twice");
            }

            Assert.Equal(FeedSamples, seen.Count);
        }

        // The twins saw the same samples in the same order as the uninterrupted replay: same calibration.
        var live = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "report.json")))!;
        var replay = ReplayReport();
        Assert.Equal(FeedSamples, live["feed"]!["released"]!.GetValue<long>());
        Assert.Equal(0, live["feed"]!["late_dropped"]!.GetValue<long>());
        var liveE = CalibratedModulus(live);
        var replayE = CalibratedModulus(replay);
        Assert.Equal(replayE, liveE, replayE * 1e-9);
    }

    [Fact]
    public async Task Mqtt_RunWithoutIdleTimeout_StopsGracefullyOnSigint_AndWritesItsReport()
    {
        Assert.True(MosquittoProcess.Executable is not null, "mosquitto is not installed (./twin test installs it)");
        using var broker = MosquittoProcess.Start(RepoPaths.NewTempFolder("mosquitto"), new MosquittoProcessOptions { Persistence = true });
        var dir = RepoPaths.NewTempFolder("live-sigint");
        var db = Path.Combine(dir, "twins.db");
        using var runner = TwinProcess.Start($"\"{Twin}\" run \"{Scene}\" --source mqtt --broker 127.0.0.1:{broker.Port} --client-id it-sigint " +
                                             $"--store \"sqlite:{db}\" -o \"{Path.Combine(dir, "out")}\" --records \"{Path.Combine(dir, "materials.db")}\"");
        await runner.WaitForLineAsync("mqtt: subscribed", TimeSpan.FromMinutes(3));
        using (var gateway = TwinProcess.Start($"\"{Twin}\" publish \"{Scene}\" --broker 127.0.0.1:{broker.Port}"))
        {
            Assert.Equal(0, await gateway.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }

        // Wait until the whole feed is committed, then Ctrl+C.
        var clock = Stopwatch.StartNew();
        while (await CountAsync(db, runner.RunId) < FeedSamples)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the feed was not committed within 2 minutes\n" + runner.Output);
            await Task.Delay(200);
        }

        output.WriteLine($"sent {runner.Interrupt()}");
        Assert.Equal(0, await runner.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("ended: stopped", runner.Output, StringComparison.Ordinal);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "report.json")))!;
        Assert.Equal(FeedSamples, report["feed"]!["released"]!.GetValue<long>());
    }

    [Fact]
    public async Task SignalR_GatewayPushesTheFeed_TwinsCalibrate_AndAViewerReceivesState()
    {
        var dir = RepoPaths.NewTempFolder("live-signalr");
        var port = FreePort();
        using var runner = TwinProcess.Start($"\"{Twin}\" run \"{Scene}\" --source signalr --listen 127.0.0.1:{port} --idle-timeout 4 " +
                                             $"--store \"sqlite:{Path.Combine(dir, "twins.db")}\" -o \"{Path.Combine(dir, "out")}\" --records \"{Path.Combine(dir, "materials.db")}\"");
        await runner.WaitForLineAsync("sensor hub listening", TimeSpan.FromMinutes(3));

        var hubUrl = $"http://127.0.0.1:{port}/hubs/sensors";
        var updates = new ConcurrentQueue<TwinStateUpdate>();
        await using var viewer = new HubConnectionBuilder().WithUrl(hubUrl)
            .AddMessagePackProtocol(o => o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions))
            .Build();
        viewer.On<TwinStateUpdate[]>("TwinStatesChanged", batch => Array.ForEach(batch, updates.Enqueue));
        await viewer.StartAsync();
        await viewer.InvokeAsync("SubscribeState", "bracket-A");

        using var gateway = TwinProcess.Start($"\"{Twin}\" publish \"{Scene}\" --to signalr --hub {hubUrl}");
        Assert.Equal(0, await gateway.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, await runner.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        output.WriteLine(runner.Output);

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "report.json")))!;
        Assert.Equal(FeedSamples, report["feed"]!["released"]!.GetValue<long>());
        Assert.Equal(CalibratedModulus(ReplayReport()), CalibratedModulus(report), CalibratedModulus(ReplayReport()) * 1e-9);
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("bracket-A", u.Twin));
        var last = updates.Last();
        Assert.InRange(last.Values["youngs_modulus_pa"], 190e9, 200e9);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    public async Task Run_NegativeOrNaNStateBudget_ExitsWithCode2AndNamesTheOption(string budget)
    {
        var turbofan = Path.Combine(RepoPaths.Root, "scenes", "turbofan");
        using var run = TwinProcess.Start($"\"{Twin}\" run \"{turbofan}\" --source mqtt --broker 127.0.0.1:1 --max-states {budget}");
        Assert.Equal(2, await run.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("--max-states must be 0", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresStore_ReplayRun_StoresEverySampleAndTheLineage()
    {
        var connection = Environment.GetEnvironmentVariable("TWIN_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(connection), "TWIN_TEST_POSTGRES is not set: run the tests with ./twin test, which starts a local PostgreSQL and sets it");
        var dir = RepoPaths.NewTempFolder("live-postgres");
        var runId = "it-pg-" + Guid.NewGuid().ToString("N")[..12];
        using var runner = TwinProcess.Start($"\"{Twin}\" run \"{Scene}\" --store \"postgres:{connection}\" --run-id {runId} -o \"{Path.Combine(dir, "out")}\" --records \"{Path.Combine(dir, "materials.db")}\"");
        Assert.Equal(0, await runner.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains("postgresql Host=", runner.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", runner.Output, StringComparison.OrdinalIgnoreCase);

        await using var store = await TwinStores.OpenAsync("postgres:" + connection);
        long count = 0;
        await foreach (var _ in store.ReadSamplesAsync(runId))
        {
            count++;
        }

        Assert.Equal(FeedSamples, count);
        Assert.Contains(await store.ReadEventsAsync(runId), e => e.Kind == TwinEventKinds.RunCompleted);
        Assert.NotEmpty(await store.ReadCalibrationAsync(runId, "bracket-A"));
        var lineage = await store.ReadLineageAsync("steel-scm440");
        Assert.Contains(lineage, e => e.ToId == "bracket-A" && e.Relation == "material of");
        Assert.Contains(lineage, e => e.ToId.StartsWith(runId, StringComparison.Ordinal) && e.Kind == Core.Lineage.ProvenanceKind.InService);
    }

    private static async Task<long> CountAsync(string db, string runId)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        long count = 0;
        await using var store = await TwinStores.OpenAsync("sqlite:" + db);
        await foreach (var _ in store.ReadSamplesAsync(runId))
        {
            count++;
        }

        return count;
    }

    private static double CalibratedModulus(JsonNode report) =>
        report["component"]!["bracket-A"]!["calibration"]!["mean_pa"]!.GetValue<double>();

    private JsonNode ReplayReport() => JsonNode.Parse(File.ReadAllText(Path.Combine(demo.Output, "report.json")))!;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A `twin` process whose output is collected line by line.</summary>
    private sealed class TwinProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilderQueue _lines = new();

        private TwinProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => _lines.Add(e.Data);
            _process.ErrorDataReceived += (_, e) => _lines.Add(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output => _lines.Text;

        /// <summary>The default run id of a live bracket run over MQTT.</summary>
        public string RunId => "bracket-mqtt";

        public static TwinProcess Start(string arguments)
        {
            var psi = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            return new TwinProcess(Process.Start(psi)!);
        }

        public async Task WaitForLineAsync(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!_lines.Text.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the process exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
                }

                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"no '{text}' within {timeout}:\n{Output}");
                }

                await Task.Delay(100);
            }
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the process did not exit within {timeout}:\n{Output}");
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        /// <summary>
        /// SIGINT, as Ctrl+C sends; SIGTERM, which the runner handles the same way, when the process ignores
        /// SIGINT. It does when the tests themselves were started with SIGINT ignored (a background job of a
        /// shell without job control, nohup): children inherit that, and .NET leaves an ignored SIGINT ignored.
        /// </summary>
        /// <returns>The signal sent.</returns>
        public string Interrupt()
        {
            var signal = IgnoresSigint(_process.Id) ? "TERM" : "INT";
            using var kill = Process.Start("kill", $"-{signal} {_process.Id}");
            kill.WaitForExit();
            return "SIG" + signal;
        }

        /// <summary>Whether SIGINT (signal 2) is in the process's ignored set (<c>SigIgn</c> in /proc/PID/status).</summary>
        private static bool IgnoresSigint(int pid)
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            return (mask & (1UL << 1)) != 0;
        }

        /// <summary>SIGKILL: no chance to flush, close or acknowledge anything.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }

    private sealed class StringBuilderQueue
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }
}
