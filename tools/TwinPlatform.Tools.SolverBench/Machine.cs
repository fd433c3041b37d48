using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TwinPlatform.Tools.SolverBench;

/// <summary>A one-line description of the machine and tool versions.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    break;
                }
            }
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {memory:F0} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {Version("/usr/bin/ccx", "-v")}, gmsh {Version("gmsh", "--version")}";
    }

    private static string Version(string executable, string argument)
    {
        try
        {
            var start = new ProcessStartInfo(executable, argument) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(start)!;
            var text = (p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd()).Trim();
            p.WaitForExit();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in lines)
            {
                if (line.Contains("Version", StringComparison.OrdinalIgnoreCase))
                {
                    return line;
                }
            }

            return lines.Length > 0 ? lines[^1] : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return executable + " missing";
        }
    }
}
