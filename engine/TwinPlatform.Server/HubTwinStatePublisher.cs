using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Server;

/// <summary>
/// Pushes twin state to the hub's subscribers (<see cref="SensorHub.TwinStatesChangedMethod"/> to the
/// twin's group and to the all-twins group) without ever blocking the runtime.
/// </summary>
/// <remarks>
/// Updates go through a bounded queue that drops the oldest when full (a viewer wants the latest
/// state, not every state); a background pump sends what is queued as one batch per message (at most
/// <see cref="MaxBatch"/> updates, in the order they were published), so a busy fleet costs a viewer
/// a few messages a second rather than one per update, and a quiet one still gets each update at once. A client subscribed to a twin and to
/// <see cref="SensorHub.AllTwins"/> receives that twin's updates twice. Thread-safe.
/// </remarks>
public sealed class HubTwinStatePublisher : ITwinStatePublisher, IAsyncDisposable
{
    /// <summary>Most updates sent in one message.</summary>
    public const int MaxBatch = 256;

    private readonly IHubContext<SensorHub> _hub;
    private readonly StateSubscriptions _subscriptions;
    private readonly Channel<TwinStateUpdate> _updates;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private long _published;
    private long _dropped;
    private long _failed;

    /// <summary>Creates the publisher and starts its pump.</summary>
    /// <param name="hub">The hub context.</param>
    /// <param name="subscriptions">The connections subscribed to every twin.</param>
    /// <param name="capacity">Most updates waiting to be sent; beyond it the oldest are dropped.</param>
    public HubTwinStatePublisher(IHubContext<SensorHub> hub, StateSubscriptions subscriptions, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(subscriptions);
        _hub = hub;
        _subscriptions = subscriptions;
        _updates = Channel.CreateBounded<TwinStateUpdate>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Updates sent to the hub (counted one by one, not by message).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Updates dropped because subscribers fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Sends that failed (the hub stopping, a transport error).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <inheritdoc/>
    public ValueTask PublishAsync(TwinStateUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        _ = _updates.Writer.TryWrite(update);
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the pump after sending what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _updates.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        var all = SensorHub.StateGroup(SensorHub.AllTwins);
        var batch = new List<TwinStateUpdate>(MaxBatch);
        var byTwin = new Dictionary<string, List<TwinStateUpdate>>(StringComparer.Ordinal);
        while (await _updates.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _updates.Reader.TryRead(out var update))
            {
                batch.Add(update);
            }

            try
            {
                // A twin's own subscribers get its updates in one message; viewers of every twin get the
                // whole batch from the all-twins group only, whatever else they subscribed to.
                byTwin.Clear();
                foreach (var update in batch)
                {
                    if (!byTwin.TryGetValue(update.Twin, out var list))
                    {
                        byTwin[update.Twin] = list = [];
                    }

                    list.Add(update);
                }

                var except = _subscriptions.AllTwins;
                foreach (var (twin, updates) in byTwin)
                {
                    await _hub.Clients.GroupExcept(SensorHub.StateGroup(twin), except).SendAsync(SensorHub.TwinStatesChangedMethod, updates.ToArray(), _stop.Token).ConfigureAwait(false);
                }

                await _hub.Clients.Group(all).SendAsync(SensorHub.TwinStatesChangedMethod, batch.ToArray(), _stop.Token).ConfigureAwait(false);
                Interlocked.Add(ref _published, batch.Count);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failed send must not stop the pump; it is counted.
                Interlocked.Add(ref _failed, batch.Count);
            }
        }
    }
}
