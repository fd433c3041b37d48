namespace TwinPlatform.Prognostics.Models;

/// <summary>Where the training (and test) data came from.</summary>
public sealed record ManifestDataSource
{
    /// <summary>Data set name (<c>NASA C-MAPSS FD001</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Training file (not in the repository).</summary>
    public required string TrainFile { get; init; }

    /// <summary>Test trajectories file, if evaluated.</summary>
    public string? TestFile { get; init; }

    /// <summary>True RUL of the test engines, if evaluated.</summary>
    public string? RulFile { get; init; }

    /// <summary>Engines in the training file.</summary>
    public required int TrainEngines { get; init; }

    /// <summary>Rows (cycles) in the training file.</summary>
    public required int TrainRows { get; init; }

    /// <summary>How to cite the data.</summary>
    public required string Citation { get; init; }
}
