using System.Diagnostics;
using System.Globalization;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>
/// Runs TwinPlatform.Storage.Tests.Crash (copied beside the test assembly by its project reference)
/// in <c>append</c> mode, collects the ordinals it acknowledges, and kills it with SIGKILL.
/// </summary>
internal sealed class CrashChild : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<(long First, long Last)> _acks = [];
    private readonly System.Text.StringBuilder _stderr = new();
    private long _acknowledged;

    private CrashChild(Process process)
    {
        _process = process;
    }

    /// <summary>Ordinal ranges the child printed after their commit returned.</summary>
    public IReadOnlyList<(long First, long Last)> Acks
    {
        get
        {
            lock (_gate)
            {
                return [.. _acks];
            }
        }
    }

    /// <summary>The run's accepted sample count the child read from the store when it started.</summary>
    public Task<long> Resumed => _resumed.Task;

    public static CrashChild Start(string spec, string runId, int batch, int redeliver)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TwinPlatform.Storage.Tests.Crash.dll");
        Assert.True(File.Exists(dll), $"crash child not built: {dll}");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "append", spec, runId, batch.ToString(CultureInfo.InvariantCulture), redeliver.ToString(CultureInfo.InvariantCulture), "1000000" })
        {
            psi.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new CrashChild(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._gate)
                {
                    child._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the child has acknowledged at least <paramref name="samples"/> more samples than it resumed from.</summary>
    public async Task WaitForAcksAsync(long samples, TimeSpan timeout)
    {
        var start = await Resumed.WaitAsync(timeout);
        var clock = Stopwatch.StartNew();
        while (Interlocked.Read(ref _acknowledged) < start + samples)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"crash child exited early with code {_process.ExitCode}: {Stderr()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"crash child acknowledged only up to {Interlocked.Read(ref _acknowledged)} in {timeout}: {Stderr()}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Sends SIGKILL and waits until the process is gone and its output is drained.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(137, _process.ExitCode);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private string Stderr()
    {
        lock (_gate)
        {
            return _stderr.ToString();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _exited.TrySetResult();
            return;
        }

        var parts = line.Split(' ');
        if (parts[0] == "resumed")
        {
            var n = long.Parse(parts[1], CultureInfo.InvariantCulture);
            Interlocked.Exchange(ref _acknowledged, n);
            _resumed.TrySetResult(n);
        }
        else if (parts[0] == "ack")
        {
            var first = long.Parse(parts[1], CultureInfo.InvariantCulture);
            var last = long.Parse(parts[2], CultureInfo.InvariantCulture);
            lock (_gate)
            {
                _acks.Add((first, last));
            }

            Interlocked.Exchange(ref _acknowledged, last);
        }
    }
}
