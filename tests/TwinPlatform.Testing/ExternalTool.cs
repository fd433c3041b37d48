using System.Diagnostics;

namespace TwinPlatform.Testing;

/// <summary>Finds external programs (gmsh, ccx, mosquitto) on PATH.</summary>
public static class ExternalTool
{
    /// <summary>Full path of a program on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a program to completion and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string program, string arguments, string? workingDirectory = null, int timeoutMs = 600_000)
    {
        var psi = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish in {timeoutMs} ms");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
