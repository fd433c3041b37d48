namespace TwinPlatform.Twins.Feeds;

/// <summary>A twin's state at one instant, as pushed to live viewers and subscribers.</summary>
/// <param name="Twin">Twin id.</param>
/// <param name="TimestampUtcTicks">Feed time of the state, UTC ticks.</param>
/// <param name="Values">Key values by name, SI (for example <c>modulus_Pa</c>, <c>load_N</c>, <c>damage</c>).</param>
public sealed record TwinStateUpdate(string Twin, long TimestampUtcTicks, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The timestamp as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => new(TimestampUtcTicks, TimeSpan.Zero);
}
