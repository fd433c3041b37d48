using System.Diagnostics.CodeAnalysis;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>The semantic rules every message must pass, whichever transport brought it.</summary>
internal static class SensorMessageValidator
{
    /// <summary>Longest twin id or channel name accepted, in characters.</summary>
    public const int MaxNameLength = 256;

    public static bool TryValidate(in SensorMessage m, UnitCache units, out Unit unit, [NotNullWhen(false)] out string? reason)
    {
        unit = null!;
        reason = m switch
        {
            { Twin: null or { Length: 0 } } => "twin is empty",
            { Twin.Length: > MaxNameLength } => $"twin id is longer than {MaxNameLength} characters",
            { Channel: null or { Length: 0 } } => "channel is empty",
            { Channel.Length: > MaxNameLength } => $"channel name is longer than {MaxNameLength} characters",
            { TimestampUtcTicks: < 0 } => $"timestampUtcTicks {m.TimestampUtcTicks} is negative",
            { TimestampUtcTicks: > 3155378975999999999 } => $"timestampUtcTicks {m.TimestampUtcTicks} is past 9999-12-31",
            { Quality: > SampleQuality.Bad } => $"quality {(byte)m.Quality} is not 0 (good), 1 (uncertain) or 2 (bad)",
            { Unit: null or { Length: 0 } } => "unit is empty",
            _ => null,
        };
        if (reason is not null)
        {
            return false;
        }

        if (!units.TryGet(m.Unit!, out unit, out var error))
        {
            reason = $"unknown unit '{m.Unit}': {error}";
            return false;
        }

        return true;
    }
}
