namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The sequence numbers a run holds for one channel, as a bitmap in pages of 4096 numbers: one bit per
/// number between the lowest and highest held, whether the feed numbers each channel 1, 2, 3, ... or
/// counts across channels (every n-th number per channel). The store checks every appended sample
/// against it, so a redelivered sample is stored once, exactly as a unique index on
/// (run, channel, sequence) would.
/// </summary>
/// <remarks>
/// Kept in memory only: the store rebuilds it from the stored blocks (all of them when a store first
/// appends to a run, the blocks since when another writer appended meanwhile). Sparse numbers cost a page
/// (512 bytes) each. Not thread-safe; the store uses it under the run's write lock.
/// </remarks>
internal sealed class SequenceSet
{
    private const int PageShift = 12;
    private const int WordsPerPage = (1 << PageShift) / 64;

    private readonly Dictionary<long, ulong[]> _pages = [];
    private long _lastKey = long.MinValue;
    private ulong[]? _lastPage;

    /// <summary>Numbers held.</summary>
    public long Count { get; private set; }

    /// <summary>Whether <paramref name="sequence"/> is held.</summary>
    public bool Contains(long sequence)
    {
        var page = Page(sequence >> PageShift, create: false);
        var bit = (int)(sequence & ((1 << PageShift) - 1));
        return page is not null && (page[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>Adds <paramref name="sequence"/>; false when it was held already.</summary>
    public bool Add(long sequence)
    {
        var page = Page(sequence >> PageShift, create: true)!;
        var bit = (int)(sequence & ((1 << PageShift) - 1));
        ref var word = ref page[bit >> 6];
        var mask = 1UL << (bit & 63);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        Count++;
        return true;
    }

    private ulong[]? Page(long key, bool create)
    {
        // Consecutive numbers fall in the same page: one dictionary lookup per 4096 of an ordered feed.
        if (key == _lastKey)
        {
            return _lastPage;
        }

        if (!_pages.TryGetValue(key, out var page))
        {
            if (!create)
            {
                return null;
            }

            page = _pages[key] = new ulong[WordsPerPage];
        }

        _lastKey = key;
        _lastPage = page;
        return page;
    }
}
