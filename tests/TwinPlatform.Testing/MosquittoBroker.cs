using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TwinPlatform.Testing;

/// <summary>A real mosquitto broker on a free loopback port with persistence in a temporary folder; killed on dispose.</summary>
public sealed class MosquittoBroker : IDisposable
{
    private readonly string _folder;
    private readonly string _config;
    private Process? _process;

    private MosquittoBroker(string folder, int port)
    {
        _folder = folder;
        Port = port;
        _config = Path.Combine(folder, "mosquitto.conf");
        // max_queued_messages: the broker, not the source, holds a slow consumer's backlog.
        File.WriteAllText(_config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {folder}/
            max_queued_messages 100000
            set_tcp_nodelay true
            log_type error
            log_dest stderr
            user {Environment.UserName}
            """);
    }

    public static string? Executable =>
        File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : ExternalTool.Find("mosquitto");

    public int Port { get; }

    public static MosquittoBroker Start()
    {
        var broker = new MosquittoBroker(RepoPaths.NewTempFolder("mosquitto"), FreePort());
        broker.Restart();
        return broker;
    }

    /// <summary>Starts the broker process (again, on the same port) and waits until it accepts connections.</summary>
    public void Restart()
    {
        var psi = new ProcessStartInfo(Executable!, $"-c {_config}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(psi)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException("mosquitto did not start listening within 10 s");
    }

    /// <summary>Kills the broker abruptly (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
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
