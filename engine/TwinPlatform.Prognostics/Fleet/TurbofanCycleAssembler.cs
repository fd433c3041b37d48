using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// Groups the channels of a live turbofan feed into engine cycles and applies each complete cycle to
/// its engine's twin in a <see cref="TurbofanFleet"/>. Channel k is column k of a C-MAPSS row after unit
/// and cycle: 0-2 the operating settings, 3-23 sensors s1-s21.
/// </summary>
/// <remarks>
/// <para>A cycle of an engine is applied when all <see cref="ChannelCount"/> channels have arrived, or
/// when a sample of a later cycle of that engine arrives first (the cycle is then applied with the
/// missing channels held at the engine's previous values; a cycle missing a channel the engine never
/// had is skipped). <see cref="Flush"/> applies what is still pending at the end of a feed.</para>
/// <para>Samples of a cycle already applied (broker redelivery, a resend) and repeats of a channel
/// within the pending cycle are dropped and counted. Allocation-free per sample once an engine is known.
/// Not thread-safe: one feeding loop.</para>
/// </remarks>
public sealed class TurbofanCycleAssembler
{
    /// <summary>Channels per engine cycle: 3 operating settings and 21 sensors.</summary>
    public const int ChannelCount = CmapssColumns.SettingCount + CmapssColumns.SensorCount;

    private const uint AllChannels = (1u << ChannelCount) - 1;

    private readonly TurbofanFleet _fleet;
    private readonly Dictionary<int, Pending> _pending = [];

    /// <summary>Creates an assembler feeding <paramref name="fleet"/>.</summary>
    public TurbofanCycleAssembler(TurbofanFleet fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _fleet = fleet;
    }

    /// <summary>The fleet fed.</summary>
    public TurbofanFleet Fleet => _fleet;

    /// <summary>Cycles applied with every channel present.</summary>
    public long CompleteCycles { get; private set; }

    /// <summary>Cycles applied with at least one channel held at its previous value.</summary>
    public long HeldCycles { get; private set; }

    /// <summary>Cycles not applied because a channel was missing and the engine had no earlier value for it.</summary>
    public long SkippedCycles { get; private set; }

    /// <summary>Samples dropped: a channel repeated within a cycle, or a sample of a cycle already applied or overtaken by a later one.</summary>
    public long DroppedSamples { get; private set; }

    /// <summary>Cycles waiting for channels now.</summary>
    public int PendingCycles
    {
        get
        {
            var n = 0;
            foreach (var p in _pending.Values)
            {
                n += p.Cycle > 0 ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>Adds one channel value of one engine cycle, in the file's units.</summary>
    /// <param name="unit">Unit number.</param>
    /// <param name="cycle">Cycle number (1-based).</param>
    /// <param name="channel">0-2 settings, 3-23 sensors s1-s21.</param>
    /// <param name="value">The reading.</param>
    /// <returns>The twin updated by this sample (its cycle completed, or an earlier cycle applied because this one started), or null.</returns>
    public TurbofanEngineTwin? Add(int unit, int cycle, int channel, double value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cycle, 1);
        if ((uint)channel >= ChannelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"a turbofan cycle has channels 0-{ChannelCount - 1}");
        }

        if (!_pending.TryGetValue(unit, out var p))
        {
            p = new Pending();
            _pending[unit] = p;
        }

        TurbofanEngineTwin? updated = null;
        if (cycle <= p.LastApplied || cycle < p.Cycle)
        {
            DroppedSamples++;
            return null;
        }

        if (p.Cycle != 0 && cycle > p.Cycle)
        {
            updated = Apply(unit, p);
        }

        if (p.Cycle == 0)
        {
            p.Cycle = cycle;
            p.Received = 0;
        }

        var bit = 1u << channel;
        if ((p.Received & bit) != 0)
        {
            DroppedSamples++;
            return updated;
        }

        p.Values[channel] = value;
        p.Received |= bit;
        return p.Received == AllChannels ? Apply(unit, p) : updated;
    }

    /// <summary>Applies every pending cycle (the end of a feed).</summary>
    /// <returns>Cycles applied.</returns>
    public int Flush()
    {
        var applied = 0;
        foreach (var (unit, p) in _pending)
        {
            if (p.Cycle != 0 && Apply(unit, p) is not null)
            {
                applied++;
            }
        }

        return applied;
    }

    private TurbofanEngineTwin? Apply(int unit, Pending p)
    {
        var cycle = p.Cycle;
        var missing = AllChannels & ~p.Received;
        p.Cycle = 0;
        p.LastApplied = cycle;
        if ((missing & ~p.Held) != 0)
        {
            SkippedCycles++;
            return null;
        }

        for (var c = 0; c < ChannelCount; c++)
        {
            if ((missing & (1u << c)) != 0)
            {
                p.Values[c] = p.Previous[c];
            }
        }

        if (missing == 0)
        {
            CompleteCycles++;
        }
        else
        {
            HeldCycles++;
        }

        var values = p.Values.AsSpan();
        var twin = _fleet.Update(unit, cycle, values[..CmapssColumns.SettingCount], values[CmapssColumns.SettingCount..]);
        values.CopyTo(p.Previous);
        p.Held = AllChannels;
        return twin;
    }

    private sealed class Pending
    {
        public double[] Values { get; } = new double[ChannelCount];

        public double[] Previous { get; } = new double[ChannelCount];

        /// <summary>Cycle being assembled; 0 when none.</summary>
        public int Cycle { get; set; }

        public int LastApplied { get; set; }

        public uint Received { get; set; }

        public uint Held { get; set; }
    }
}
