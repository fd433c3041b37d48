using System.Collections.Concurrent;

namespace TwinPlatform.Server;

/// <summary>
/// The hub connections subscribed to every twin's state (<see cref="SensorHub.AllTwins"/>). A state
/// update goes to its twin's group except these connections, and to the all-twins group once, so a
/// viewer subscribed to a twin and to every twin receives each update once.
/// </summary>
/// <remarks>Thread-safe: hub calls change it, the state publisher's pump reads it.</remarks>
public sealed class StateSubscriptions
{
    private readonly ConcurrentDictionary<string, byte> _allTwins = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<string> _snapshot = [];

    /// <summary>Connection ids subscribed to every twin (a snapshot).</summary>
    public IReadOnlyList<string> AllTwins => _snapshot;

    /// <summary>Records that <paramref name="connectionId"/> subscribed to every twin.</summary>
    public void AddAllTwins(string connectionId)
    {
        if (_allTwins.TryAdd(connectionId, 0))
        {
            Refresh();
        }
    }

    /// <summary>Records that <paramref name="connectionId"/> no longer receives every twin (unsubscribed or gone).</summary>
    public void RemoveAllTwins(string connectionId)
    {
        if (_allTwins.TryRemove(connectionId, out _))
        {
            Refresh();
        }
    }

    private void Refresh()
    {
        lock (_allTwins)
        {
            _snapshot = [.. _allTwins.Keys];
        }
    }
}
