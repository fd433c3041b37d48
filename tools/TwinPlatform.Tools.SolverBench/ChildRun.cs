using System.Diagnostics;
using System.Globalization;

namespace TwinPlatform.Tools.SolverBench;

/// <summary>
/// Runs a program under <c>/usr/bin/time</c> to completion: wall time from a stopwatch around the child, peak
/// resident memory and user + system CPU time from the kernel's rusage (<c>%M %U %S</c>), so that both solvers are measured alike.
/// </summary>
internal static class ChildRun
{
    public static (TimeSpan Wall, long PeakBytes, double CpuSeconds, string Output) Run(string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var timeFile = Path.Combine(workingDirectory, Path.GetFileNameWithoutExtension(executable) + ".time");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("%M %U %S");
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(timeFile);
        start.ArgumentList.Add(executable);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = clock.Elapsed;
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed with exit code {process.ExitCode} in {workingDirectory}:\n{Tail(output)}");
        }

        var lines = File.ReadAllLines(timeFile);
        var fields = lines[^1].Trim().Split(' ');
        var kb = long.Parse(fields[0], CultureInfo.InvariantCulture);
        var cpu = double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture);
        return (wall, kb * 1024, cpu, output);
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines[Math.Max(0, lines.Length - 20)..]);
    }
}
