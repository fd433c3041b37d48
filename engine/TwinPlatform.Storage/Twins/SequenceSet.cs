namespace TwinPlatform.Storage.Twins;

/// <summary>
/// The sequence numbers a run holds for one channel, in pages of 4096 numbers: a page holds its few
/// numbers as a sorted list of offsets, and a bitmap (one bit per number, 512 bytes) once it has more
/// than 256. A feed that numbers each channel 1, 2, 3, ... costs one bit a sample, one that counts across
/// four channels four bits, one that steps by 1000 about 16 bytes (by this layout). The store checks every appended sample
/// against it, so a redelivered sample is stored once, exactly as a unique index on (run, channel, sequence) would.
/// </summary>
/// <remarks>
/// Kept in memory only: the store rebuilds it from the stored blocks (all of them when a store first
/// appends to a run, the blocks since when another writer appended meanwhile). Numbers more than 4096
/// apart cost a page (about 60 bytes with its list) each. Not thread-safe; the store uses it under the run's write lock.
/// </remarks>
internal sealed class SequenceSet
{
    private const int PageShift = 12;
    private const int PageMask = (1 << PageShift) - 1;
    private const int MaxListed = 256;

    private readonly Dictionary<long, Page> _pages = [];
    private long _lastKey = long.MinValue;
    private Page? _lastPage;

    /// <summary>Numbers held.</summary>
    public long Count { get; private set; }

    /// <summary>Whether <paramref name="sequence"/> is held.</summary>
    public bool Contains(long sequence) => Find(sequence >> PageShift, create: false) is { } page && page.Contains((int)(sequence & PageMask));

    /// <summary>Adds <paramref name="sequence"/>; false when it was held already.</summary>
    public bool Add(long sequence)
    {
        if (!Find(sequence >> PageShift, create: true)!.Add((int)(sequence & PageMask)))
        {
            return false;
        }

        Count++;
        return true;
    }

    private Page? Find(long key, bool create)
    {
        // Consecutive numbers fall in the same page: one dictionary lookup per page of an ordered feed.
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

            page = _pages[key] = new Page();
        }

        _lastKey = key;
        _lastPage = page;
        return page;
    }

    /// <summary>The numbers of one page: a sorted list of offsets while few, a bitmap once more than <see cref="MaxListed"/>.</summary>
    private sealed class Page
    {
        private ushort[] _listed = new ushort[4];
        private int _count;
        private ulong[]? _bits;

        public bool Contains(int offset) => _bits is { } bits
            ? (bits[offset >> 6] & (1UL << (offset & 63))) != 0
            : _listed.AsSpan(0, _count).BinarySearch((ushort)offset) >= 0;

        public bool Add(int offset)
        {
            if (_bits is { } bits)
            {
                ref var word = ref bits[offset >> 6];
                var mask = 1UL << (offset & 63);
                if ((word & mask) != 0)
                {
                    return false;
                }

                word |= mask;
                return true;
            }

            // An ordered feed appends at the end; a late number is inserted in place.
            var at = _count > 0 && offset > _listed[_count - 1] ? _count : _listed.AsSpan(0, _count).BinarySearch((ushort)offset);
            if (at >= 0 && at < _count)
            {
                return false;
            }

            at = at < 0 ? ~at : at;
            if (_count == MaxListed)
            {
                ToBitmap();
                return Add(offset);
            }

            if (_count == _listed.Length)
            {
                Array.Resize(ref _listed, _listed.Length * 2);
            }

            Array.Copy(_listed, at, _listed, at + 1, _count - at);
            _listed[at] = (ushort)offset;
            _count++;
            return true;
        }

        private void ToBitmap()
        {
            var bits = new ulong[(1 << PageShift) / 64];
            foreach (var o in _listed.AsSpan(0, _count))
            {
                bits[o >> 6] |= 1UL << (o & 63);
            }

            _bits = bits;
            _listed = [];
            _count = 0;
        }
    }
}
