namespace TwinPlatform.Storage.Twins;

/// <summary>One sensor sample as the twin store keeps it.</summary>
/// <param name="Twin">The id of the twin the sample feeds.</param>
/// <param name="Channel">The sensor channel id, unique within a run.</param>
/// <param name="TimestampUtcTicks">When the sample was taken: UTC <see cref="DateTime.Ticks"/> (100 ns since 0001-01-01).</param>
/// <param name="Value">The value in SI units; <see cref="double.NaN"/> is allowed (a missing or invalid reading) and comes back as NaN.</param>
/// <param name="Unit">The SI unit symbol of <paramref name="Value"/> (for example <c>Pa</c>, <c>K</c>, <c>m/m</c>).</param>
/// <param name="Quality">The source's quality flag (0 = good; other values are the source's own codes).</param>
/// <param name="Sequence">The source's sequence number for the channel; the store keeps one sample per (run, channel, sequence).</param>
/// <param name="Ordinal">
/// The position of the sample in the run's acceptance order (1, 2, 3, ... with no gaps), assigned by the
/// store. Ignored on append; set on every sample read back.
/// </param>
public readonly record struct StoredSample(
    string Twin,
    string Channel,
    long TimestampUtcTicks,
    double Value,
    string Unit,
    byte Quality,
    long Sequence,
    long Ordinal = 0);
