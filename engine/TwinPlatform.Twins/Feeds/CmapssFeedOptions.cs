namespace TwinPlatform.Twins.Feeds;

/// <summary>How a <see cref="CmapssFeedReader"/> turns rows into messages.</summary>
public sealed record CmapssFeedOptions
{
    /// <summary>Time of cycle 1.</summary>
    public DateTimeOffset Start { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Time between consecutive cycles (the data set gives cycles only; this maps them to time).</summary>
    public TimeSpan CyclePeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Twin id prefix; the twin of unit 7 is <c>engine-7</c>.</summary>
    public string TwinPrefix { get; init; } = "engine-";

    /// <summary>Whether the three operational settings are sent as channels too.</summary>
    public bool IncludeSettings { get; init; } = true;

    /// <summary>
    /// True: rows are released in cycle order across the fleet (a time-ordered feed, all engines
    /// running together). False: in file order (engine after engine, so time restarts per engine).
    /// </summary>
    public bool FleetTimeOrder { get; init; } = true;
}
