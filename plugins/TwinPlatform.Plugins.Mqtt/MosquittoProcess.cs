using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// A local mosquitto broker run as a child process on a free loopback port, with its configuration
/// in a folder of its own: for tests and benchmarks that need a real broker. Killed on dispose.
/// </summary>
public sealed class MosquittoProcess : IDisposable
{
    private readonly string _folder;
    private readonly string _config;
    private readonly string _executable;
    private Process? _process;

    private MosquittoProcess(string executable, string folder, int port, MosquittoProcessOptions options)
    {
        _executable = executable;
        _folder = folder;
        Port = port;
        _config = Path.Combine(folder, "mosquitto.conf");

        // set_tcp_nodelay: mosquitto leaves Nagle's algorithm on by default, which holds small packets
        // back until the peer's delayed acknowledgement (tens of ms on Linux) at low rates. As root,
        // mosquitto drops to the named user; running as the current user keeps the folder usable.
        File.WriteAllText(_config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence {(options.Persistence ? "true" : "false")}
            persistence_location {folder}/
            max_queued_messages {options.MaxQueuedMessages}
            max_inflight_messages {options.MaxInflightMessages}
            set_tcp_nodelay {(options.TcpNoDelay ? "true" : "false")}
            log_type error
            log_dest stderr
            user {Environment.UserName}
            """);
    }

    /// <summary>The mosquitto executable (<c>/usr/sbin/mosquitto</c> or on PATH), or null when it is not installed.</summary>
    public static string? Executable
    {
        get
        {
            if (File.Exists("/usr/sbin/mosquitto"))
            {
                return "/usr/sbin/mosquitto";
            }

            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, "mosquitto");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>The loopback port the broker listens on.</summary>
    public int Port { get; }

    /// <summary>The broker's process id while it runs, else 0.</summary>
    public int ProcessId => _process is { HasExited: false } p ? p.Id : 0;

    /// <summary>Writes the configuration into <paramref name="folder"/> (which the broker then owns and deletes on dispose), starts the broker and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">mosquitto is not installed, or exited while starting.</exception>
    /// <exception cref="TimeoutException">mosquitto did not listen within 10 s.</exception>
    public static MosquittoProcess Start(string folder, MosquittoProcessOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(options);
        var executable = Executable ?? throw new InvalidOperationException("mosquitto is not installed (apt-get install mosquitto; ./twin test installs it)");
        Directory.CreateDirectory(folder);
        var broker = new MosquittoProcess(executable, folder, FreePort(), options);
        try
        {
            broker.Restart();
            return broker;
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    /// <summary>Starts the broker process (again, on the same port and configuration) and waits until it accepts connections.</summary>
    public void Restart()
    {
        var psi = new ProcessStartInfo(_executable, $"-c {_config}") { RedirectStandardError = true, RedirectStandardOutput = true };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode} (configuration {_config})");
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

        Kill();
        throw new TimeoutException($"mosquitto did not listen on port {Port} within 10 s");
    }

    /// <summary>Kills the broker abruptly (SIGKILL), as a crash would; <see cref="Restart"/> brings it back.</summary>
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

    /// <summary>Kills the broker and deletes its folder.</summary>
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
