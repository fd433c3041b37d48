namespace TwinPlatform.Twins.Monitoring;

/// <summary>
/// The events of a run: the latest <see cref="BoundedLog{T}.Capacity"/> held in memory, and per twin and kind
/// the count of every event raised and the first of them, so a summary stays whole however long the run.
/// </summary>
public sealed class TwinEventLog(int capacity = TwinEventLog.DefaultCapacity) : BoundedLog<TwinEvent>(capacity)
{
    /// <summary>Events held in memory by default (a few megabytes).</summary>
    public const int DefaultCapacity = 50_000;

    private readonly Dictionary<(string Twin, TwinEventKind Kind), int> _groupIndex = [];
    private readonly List<TwinEventGroup> _groups = [];

    /// <summary>Per twin and kind, in the order first raised: how many were raised and the first one.</summary>
    public IReadOnlyList<TwinEventGroup> Groups => _groups;

    /// <inheritdoc/>
    public override void Add(TwinEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.Add(item);
        if (_groupIndex.TryGetValue((item.Twin, item.Kind), out var g))
        {
            _groups[g] = _groups[g] with { Count = _groups[g].Count + 1 };
        }
        else
        {
            _groupIndex[(item.Twin, item.Kind)] = _groups.Count;
            _groups.Add(new TwinEventGroup(item.Twin, item.Kind, 1, item));
        }
    }

    /// <inheritdoc/>
    public override void Clear()
    {
        base.Clear();
        _groupIndex.Clear();
        _groups.Clear();
    }
}

/// <summary>The events of one twin and kind in a run: how many, and the first.</summary>
public sealed record TwinEventGroup(string Twin, TwinEventKind Kind, long Count, TwinEvent First);
