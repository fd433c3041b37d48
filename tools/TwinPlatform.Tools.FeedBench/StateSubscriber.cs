using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TwinPlatform.Server;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// A .NET SignalR viewer subscribed to every twin's state; records, per update, the time from the publish
/// of the newest sample behind it (its timestamp, stamped at publish) to its arrival here.
/// </summary>
internal sealed class StateSubscriber : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private List<double> _latenciesMs = [];
    private long _sinceTicks = long.MaxValue;

    private StateSubscriber(HubConnection connection)
    {
        _connection = connection;
        _connection.On<TwinStateUpdate[]>(SensorHub.TwinStatesChangedMethod, OnUpdates);
    }

    public static async Task<StateSubscriber> StartAsync(Uri hubUrl, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(hubUrl)
            .AddMessagePackProtocol(o => o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions))
            .Build();
        var subscriber = new StateSubscriber(connection);
        await connection.StartAsync(ct);
        await connection.InvokeAsync("SubscribeState", SensorHub.AllTwins, ct);
        return subscriber;
    }

    /// <summary>Starts a new phase: updates stamped before <paramref name="sinceTicks"/> are ignored.</summary>
    public void Reset(long sinceTicks)
    {
        lock (_gate)
        {
            _latenciesMs = [];
            _sinceTicks = sinceTicks;
        }
    }

    public List<double> Take()
    {
        lock (_gate)
        {
            var taken = _latenciesMs;
            _latenciesMs = [];
            _sinceTicks = long.MaxValue;
            return taken;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnUpdates(TwinStateUpdate[] updates)
    {
        var received = DateTime.UtcNow.Ticks;
        lock (_gate)
        {
            foreach (var update in updates)
            {
                if (update.TimestampUtcTicks >= _sinceTicks)
                {
                    _latenciesMs.Add((received - update.TimestampUtcTicks) / (double)TimeSpan.TicksPerMillisecond);
                }
            }
        }
    }
}
