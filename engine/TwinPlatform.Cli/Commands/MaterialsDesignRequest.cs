namespace TwinPlatform.Cli.Commands;

/// <summary>The options of <c>twin materials design</c>.</summary>
public sealed record MaterialsDesignRequest
{
    /// <summary>Goals file.</summary>
    public string? Goals { get; init; }

    /// <summary>Model folder.</summary>
    public string? Model { get; init; }

    /// <summary>Data file.</summary>
    public string? Data { get; init; }

    /// <summary>Mapping file.</summary>
    public string? Mapping { get; init; }

    /// <summary>Goals.</summary>
    public IReadOnlyList<string> Goal { get; init; } = [];

    /// <summary>Objectives to minimise.</summary>
    public IReadOnlyList<string> Minimise { get; init; } = [];

    /// <summary>Objectives to maximise.</summary>
    public IReadOnlyList<string> Maximise { get; init; } = [];

    /// <summary>Limits.</summary>
    public IReadOnlyList<string> Limit { get; init; } = [];

    /// <summary>Candidates to list.</summary>
    public int? Top { get; init; }

    /// <summary>Minimum joint probability.</summary>
    public double? MinimumProbability { get; init; }

    /// <summary>Next experiments.</summary>
    public int? Next { get; init; }

    /// <summary>Property to improve.</summary>
    public string? Improve { get; init; }

    /// <summary>Best observed value.</summary>
    public string? Best { get; init; }

    /// <summary>Feature groups for --data.</summary>
    public string? Features { get; init; }

    /// <summary>Search seed.</summary>
    public int? Seed { get; init; }

    /// <summary>First-generation size.</summary>
    public int? Population { get; init; }

    /// <summary>Generations.</summary>
    public int? Generations { get; init; }

    /// <summary>Passport output path.</summary>
    public string? PassportOut { get; init; }

    /// <summary>JSON output.</summary>
    public bool Json { get; init; }
}
