using System.Diagnostics;

namespace TwinPlatform.Cli.Commands;

/// <summary>Progress lines of <c>twin solve</c>, stamped with the seconds since start, on a writer (standard error).</summary>
internal sealed class SolveProgress(TextWriter writer) : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public void Report(string value)
    {
        lock (_gate)
        {
            writer.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1}s] {value}");
        }
    }
}
