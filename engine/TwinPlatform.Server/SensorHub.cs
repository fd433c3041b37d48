using Microsoft.AspNetCore.SignalR;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Server;

/// <summary>
/// The SignalR hub at <see cref="Path"/> (MessagePack protocol): sensor gateways push batches with
/// <see cref="Publish"/> or <see cref="PublishPayload"/>, and viewers call <see cref="SubscribeState"/>
/// to receive <see cref="TwinStatesChangedMethod"/> pushes.
/// </summary>
/// <remarks>
/// A malformed batch is answered with a <see cref="PublishResult"/> naming each rejected message and
/// why; the connection stays open. A batch whose MessagePack shape cannot even be bound to
/// <see cref="SensorMessage"/>[] fails that one invocation with a <see cref="HubException"/> on the
/// client; the connection stays open too.
/// </remarks>
/// <param name="source">Where accepted samples go.</param>
/// <param name="subscriptions">The connections subscribed to every twin, kept up to date here.</param>
public sealed class SensorHub(HubSensorSource source, StateSubscriptions subscriptions) : Hub
{
    /// <summary>URL path of the hub.</summary>
    public const string Path = "/hubs/sensors";

    /// <summary>
    /// Name of the client method the server calls with a batch of state updates (<see cref="TwinStateUpdate"/>[],
    /// oldest first; one or more, of one twin for a twin's subscribers, of any twins for <see cref="AllTwins"/>).
    /// </summary>
    public const string TwinStatesChangedMethod = "TwinStatesChanged";

    /// <summary>Twin id that subscribes to every twin's state.</summary>
    public const string AllTwins = "*";

    /// <summary>Queues a batch of messages for the runtime; returns what was accepted and what was rejected, and why.</summary>
    /// <remarks>Does not return until the runtime's queue has room (back-pressure on the gateway).</remarks>
    public Task<PublishResult> Publish(SensorMessage[] batch) =>
        source.PublishAsync(batch, Origin(), Context.ConnectionAborted).AsTask();

    /// <summary>Queues a MessagePack payload in the MQTT payload format (one message or a batch).</summary>
    public Task<PublishResult> PublishPayload(byte[] payload) =>
        source.PublishPayloadAsync(payload ?? [], Origin(), Context.ConnectionAborted).AsTask();

    /// <summary>Subscribes the caller to a twin's state updates (<see cref="AllTwins"/> for every twin).</summary>
    public async Task SubscribeState(string twin)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, StateGroup(twin), Context.ConnectionAborted).ConfigureAwait(false);
        if (IsAllTwins(twin))
        {
            subscriptions.AddAllTwins(Context.ConnectionId);
        }
    }

    /// <summary>Ends a subscription made with <see cref="SubscribeState"/>.</summary>
    public async Task UnsubscribeState(string twin)
    {
        if (IsAllTwins(twin))
        {
            subscriptions.RemoveAllTwins(Context.ConnectionId);
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, StateGroup(twin), Context.ConnectionAborted).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveAllTwins(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The SignalR group of a twin's state subscribers.</summary>
    public static string StateGroup(string twin) => "state:" + (IsAllTwins(twin) ? AllTwins : twin);

    private static bool IsAllTwins(string twin) => string.IsNullOrEmpty(twin) || twin == AllTwins;

    private string Origin() => "hub " + Context.ConnectionId;
}
