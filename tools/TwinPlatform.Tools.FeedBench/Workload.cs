using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>What is published and which runtime consumes it.</summary>
internal abstract class Workload
{
    /// <summary>Short name for the table.</summary>
    public abstract string Name { get; }

    /// <summary>Scene name in the topic.</summary>
    public abstract string Scene { get; }

    /// <summary>Samples per payload.</summary>
    public abstract int SamplesPerPayload { get; }

    /// <summary>Payload number <paramref name="index"/> with every message stamped <paramref name="nowTicks"/>.</summary>
    public abstract SensorMessage[] Payload(long index, long nowTicks);

    /// <summary>Starts a fresh runtime subscribed to the broker; the returned task ends when the runtime went idle or <c>stop</c> fired.</summary>
    public abstract Task<RuntimeRun> StartRuntimeAsync(int port, Server.HubTwinStatePublisher publisher, CancellationToken stop);
}

/// <summary>A runtime under test: its timed source, its MQTT counters and the task that ends with it.</summary>
internal sealed record RuntimeRun(TimedSource Source, Twins.Feeds.SensorSourceCounters Counters, Task Completion, IAsyncDisposable Owner);
