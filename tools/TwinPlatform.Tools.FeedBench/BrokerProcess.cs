using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>A mosquitto started for the benchmark: temporary config, free loopback port, no queue limit; killed on dispose.</summary>
internal sealed class BrokerProcess : IDisposable
{
    private readonly string _folder;
    private readonly Process _process;

    private BrokerProcess(string folder, int port, Process process)
    {
        _folder = folder;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public static BrokerProcess Start(string executable, bool tcpNoDelay)
    {
        var folder = Directory.CreateTempSubdirectory("feedbench-mosquitto-").FullName;
        var port = FreePort();
        var config = Path.Combine(folder, "mosquitto.conf");

        // set_tcp_nodelay: mosquitto leaves Nagle's algorithm on by default, which holds small packets
        // back until the peer's delayed acknowledgement (tens of ms on Linux) at low rates.
        // max_queued_messages 0: no limit, so a slow QoS 1 subscriber is never dropped at the broker
        // (mosquitto's default of 1000 would drop). No persistence: the benchmark needs none. As root,
        // mosquitto drops to the named user; running as the current user keeps the temp folder usable.
        File.WriteAllText(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            max_queued_messages 0
            max_inflight_messages 0
            set_tcp_nodelay {(tcpNoDelay ? "true" : "false")}
            log_type error
            log_dest stderr
            user {Environment.UserName}
            """);
        var psi = new ProcessStartInfo(executable, $"-c {config}") { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("mosquitto did not start");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new BrokerProcess(folder, port, process);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new TimeoutException("mosquitto did not listen within 10 s");
    }

    public static string? FindExecutable()
    {
        if (File.Exists("/usr/sbin/mosquitto"))
        {
            return "/usr/sbin/mosquitto";
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "mosquitto");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
