namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>How a message's twin and channel become the runtime's sensor id.</summary>
public enum SensorIdMode
{
    /// <summary>The channel is the sensor id (a scene's sensor ids are unique across its twins).</summary>
    Channel = 0,

    /// <summary><c>twin/channel</c>: for fleets where every twin has the same channels (C-MAPSS engines).</summary>
    TwinAndChannel = 1,
}
