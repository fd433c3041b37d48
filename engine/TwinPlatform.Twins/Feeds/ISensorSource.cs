namespace TwinPlatform.Twins.Feeds;

/// <summary>A source of sensor samples: a recorded file, a broker subscription, a hub connection.</summary>
/// <remarks>Samples arrive in the source's order, which may contain duplicates and disorder; the runtime conditions them.</remarks>
public interface ISensorSource
{
    /// <summary>A short description for logs and reports (<c>replay feed.csv</c>).</summary>
    string Description { get; }

    /// <summary>Reads samples until the source ends or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<SensorSample> ReadAsync(CancellationToken cancellationToken = default);
}
