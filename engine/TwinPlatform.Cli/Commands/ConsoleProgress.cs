using System.Diagnostics;

namespace TwinPlatform.Cli.Commands;

/// <summary>Progress lines on standard error, stamped with the seconds since start.</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();

    public double Seconds => _clock.Elapsed.TotalSeconds;

    public void Report(string value)
    {
        lock (_gate)
        {
            Console.Error.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1}s] {value}");
        }
    }
}
