using System.Collections;

namespace TwinPlatform.Twins;

/// <summary>
/// An append-only log that holds its latest <see cref="Capacity"/> items in memory and counts every item
/// ever added, so a live run that goes on for weeks keeps a bounded amount of its history in memory while
/// a reader that writes the log elsewhere (a store) follows it by absolute position (<see cref="Since"/>).
/// </summary>
/// <remarks>Indexing and enumeration run over the items held, oldest first. Not thread-safe.</remarks>
/// <typeparam name="T">The item.</typeparam>
public class BoundedLog<T> : IReadOnlyList<T>, ICollection<T>
{
    private readonly List<T> _items = [];
    private int _oldest;

    /// <summary>Creates an empty log.</summary>
    /// <param name="capacity">Items held in memory; older ones are let go as new ones arrive.</param>
    public BoundedLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Items held at most.</summary>
    public int Capacity { get; }

    /// <summary>Items added since the log was created (or cleared), including those no longer held.</summary>
    public long TotalCount { get; private set; }

    /// <summary>Items added and no longer held (the oldest).</summary>
    public long Dropped => TotalCount - _items.Count;

    /// <summary>Items held.</summary>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <summary>The item held at <paramref name="index"/>, 0 being the oldest held.</summary>
    public T this[int index] => (uint)index < (uint)_items.Count
        ? _items[(_oldest + index) % _items.Count]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"the log holds {_items.Count} item(s)");

    /// <summary>Appends an item, letting the oldest go when the log is full.</summary>
    public virtual void Add(T item)
    {
        if (_items.Count < Capacity)
        {
            _items.Add(item);
        }
        else
        {
            _items[_oldest] = item;
            _oldest = (_oldest + 1) % Capacity;
        }

        TotalCount++;
    }

    /// <summary>The items from absolute position <paramref name="position"/> (0 = the first ever added) to the newest.</summary>
    /// <exception cref="InvalidOperationException">Some of them are no longer held: the reader fell more than <see cref="Capacity"/> items behind.</exception>
    public IEnumerable<T> Since(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (position < Dropped)
        {
            throw new InvalidOperationException($"items {position} to {Dropped - 1} are no longer held (the log holds the latest {Capacity})");
        }

        return Iterate(position - Dropped);

        IEnumerable<T> Iterate(long first)
        {
            for (var k = first; k < _items.Count; k++)
            {
                yield return this[(int)k];
            }
        }
    }

    /// <inheritdoc/>
    public virtual void Clear()
    {
        _items.Clear();
        _oldest = 0;
        TotalCount = 0;
    }

    /// <inheritdoc/>
    public bool Contains(T item) => _items.Contains(item);

    /// <inheritdoc/>
    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var k = 0; k < _items.Count; k++)
        {
            array[arrayIndex + k] = this[k];
        }
    }

    /// <summary>Not supported: a log is append-only.</summary>
    public bool Remove(T item) => throw new NotSupportedException("a log is append-only");

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        for (var k = 0; k < _items.Count; k++)
        {
            yield return this[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
