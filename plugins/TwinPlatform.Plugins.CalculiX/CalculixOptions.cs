namespace TwinPlatform.Plugins.CalculiX;

/// <summary>How <see cref="CalculixSolver"/> runs CalculiX.</summary>
public sealed record CalculixOptions
{
    /// <summary>The ccx program: a name looked up on PATH, or a path.</summary>
    public string Executable { get; init; } = "ccx";

    /// <summary>Longest run allowed before the process is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Keep the temporary working folder (job.inp, .frd, .dat, .sta) after the run.</summary>
    public bool KeepFiles { get; init; }

    /// <summary>Interval at which the process's peak resident memory is sampled from /proc.</summary>
    public TimeSpan MemorySampleInterval { get; init; } = TimeSpan.FromMilliseconds(5);
}
