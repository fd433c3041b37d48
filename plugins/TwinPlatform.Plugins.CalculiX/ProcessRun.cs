using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>Runs a program to completion, capturing its output, wall time and sampled peak resident memory.</summary>
internal static class ProcessRun
{
    public static (int ExitCode, string Output, TimeSpan Wall, long? PeakBytes) Run(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, TimeSpan sampleInterval, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ExternalSolverException($"could not start {executable}");
        }
        catch (Win32Exception e)
        {
            throw new ExternalSolverException($"'{executable}' was not found or could not start ({e.Message}); install CalculiX (apt-get install calculix-ccx) or give its path", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            long peak = 0;
            var status = $"/proc/{process.Id}/status";
            while (!process.WaitForExit(sampleInterval))
            {
                peak = Math.Max(peak, ReadPeak(status));
                if (cancellationToken.IsCancellationRequested || clock.Elapsed > timeout)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new ExternalSolverException($"{executable} did not finish within {timeout.TotalSeconds:F0} s and was stopped");
                }
            }

            process.WaitForExit();
            var wall = clock.Elapsed;
            return (process.ExitCode, stdout.Result + stderr.Result, wall, peak > 0 ? peak : null);
        }
    }

    /// <summary>VmHWM (peak resident set) of a running process in bytes, or 0 when unreadable (process gone, not Linux).</summary>
    private static long ReadPeak(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line[6..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
