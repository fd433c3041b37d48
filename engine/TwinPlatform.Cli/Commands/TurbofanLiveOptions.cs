using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Cli.Commands;

/// <summary>How <see cref="TurbofanLiveRun"/> reads a live source.</summary>
public sealed record TurbofanLiveOptions
{
    /// <summary>End after this long without a delivery, counted from the first delivery; null runs until cancelled or the source ends.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>End after this many samples; null for no limit.</summary>
    public long? MaxSamples { get; init; }

    /// <summary>Receives the updated engines' states; null for none.</summary>
    public ITwinStatePublisher? StatePublisher { get; init; }

    /// <summary>
    /// Budget of state pushes per second over the fleet (see <see cref="StateConflator{TTwin}"/>). Every
    /// cycle is applied to its engine's twin as it arrives; within the budget every updated engine's
    /// state (and its remaining life, evaluated for it) goes out at once. Beyond it, an updated engine
    /// waits in line and goes out once, with its latest cycle, as the budget refills; every engine still
    /// waiting goes out when the run ends. 0 pushes every update. Default 2000 a second, far more than a
    /// viewer shows and about 5% of a core for the model.
    /// </summary>
    public double MaxStatesPerSecond { get; init; } = 2000;

    /// <summary>Twin id prefix before the unit number.</summary>
    public string TwinPrefix { get; init; } = "engine-";
}
