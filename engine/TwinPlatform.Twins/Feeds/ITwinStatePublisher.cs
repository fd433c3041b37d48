namespace TwinPlatform.Twins.Feeds;

/// <summary>Where the runtime pushes twin state for live subscribers (the SignalR hub, a test double).</summary>
/// <remarks>
/// Implementations must not block the runtime for long: a slow or absent subscriber must not stall
/// the feed. Calls may come from the runtime loop at any rate; implementations may coalesce.
/// </remarks>
public interface ITwinStatePublisher
{
    /// <summary>Publishes one twin's state.</summary>
    ValueTask PublishAsync(TwinStateUpdate update, CancellationToken cancellationToken = default);
}
