using Microsoft.Extensions.Logging;

namespace TwinPlatform.Server;

/// <summary>Settings of a <see cref="SensorServer"/>.</summary>
public sealed record SensorServerOptions
{
    /// <summary>Address to listen on; loopback by default.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read it back from <see cref="SensorServer.Address"/>).</summary>
    public int Port { get; init; }

    /// <summary>Most batches held for the runtime.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Largest batch accepted, in messages.</summary>
    public int MaxBatchSize { get; init; } = 10_000;

    /// <summary>Largest SignalR message accepted, in bytes (SignalR's own default is 32 KiB, too small for batches).</summary>
    public long MaximumReceiveMessageSizeInBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Least severe log level written to the console.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}
