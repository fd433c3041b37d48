using System.Text;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// Maps the UTF-8 bytes of the few distinct names a feed repeats (twin ids, channels, units) to one
/// string instance each, so that decoding a message allocates no strings once the names are known.
/// </summary>
/// <remarks>Not thread-safe. Holds at most <see cref="Capacity"/> names; further names are decoded without caching.</remarks>
internal sealed class Utf8StringCache
{
    public const int Capacity = 4096;
    private readonly Dictionary<ulong, (byte[] Utf8, string Value)> _entries = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = Fnv1a(utf8);
        if (_entries.TryGetValue(hash, out var entry))
        {
            return utf8.SequenceEqual(entry.Utf8) ? entry.Value : Encoding.UTF8.GetString(utf8);
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (_entries.Count < Capacity)
        {
            _entries[hash] = (utf8.ToArray(), value);
        }

        return value;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        // 64-bit FNV-1a (Fowler, Noll, Vo): offset basis and prime from the published parameters.
        var h = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return h ^ (ulong)bytes.Length;
    }
}
