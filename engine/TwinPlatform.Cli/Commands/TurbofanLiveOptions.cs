using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Cli.Commands;

/// <summary>How <see cref="TurbofanLiveRun"/> reads a live source.</summary>
public sealed record TurbofanLiveOptions
{
    /// <summary>End after this long without a delivery, counted from the first delivery; null runs until cancelled or the source ends.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>End after this many samples; null for no limit.</summary>
    public long? MaxSamples { get; init; }

    /// <summary>Receives each updated engine's state after every delivery; null for none.</summary>
    public ITwinStatePublisher? StatePublisher { get; init; }

    /// <summary>Twin id prefix before the unit number.</summary>
    public string TwinPrefix { get; init; } = "engine-";
}
