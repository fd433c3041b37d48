namespace TwinPlatform.Plugins.Mqtt;

/// <summary>How a <see cref="MosquittoProcess"/> is configured.</summary>
public sealed record MosquittoProcessOptions
{
    /// <summary>Keep sessions and queued messages on disk (in the broker's folder) across a restart.</summary>
    public bool Persistence { get; init; }

    /// <summary>Most QoS 1 messages queued for one client; 0 for no limit (mosquitto's own default is 1000, beyond which it drops).</summary>
    public int MaxQueuedMessages { get; init; } = 100_000;

    /// <summary>Most QoS 1 messages in flight to one client; 0 for no limit other than the client's receive maximum.</summary>
    public int MaxInflightMessages { get; init; } = 20;

    /// <summary>Disable Nagle's algorithm on the broker's sockets.</summary>
    public bool TcpNoDelay { get; init; } = true;
}
