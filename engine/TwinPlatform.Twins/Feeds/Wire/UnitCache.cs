using TwinPlatform.Core.Units;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>Parsed units by expression, including the expressions that failed, so a feed parses each unit once.</summary>
/// <remarks>Not thread-safe. Bounded: past <see cref="Capacity"/> expressions, new ones are parsed every time.</remarks>
internal sealed class UnitCache
{
    public const int Capacity = 1024;
    private readonly Dictionary<string, (Unit? Unit, string? Error)> _units = new(StringComparer.Ordinal);

    // In front of _units: the same expression instance (a decoder's cached name) found without hashing its text.
    private readonly Dictionary<string, (Unit? Unit, string? Error)> _byReference = new(ReferenceEqualityComparer.Instance);

    public bool TryGet(string expression, out Unit unit, out string? error)
    {
        if (_byReference.TryGetValue(expression, out var known))
        {
            unit = known.Unit!;
            error = known.Error;
            return known.Unit is not null;
        }

        if (!_units.TryGetValue(expression, out var entry))
        {
            try
            {
                entry = (Unit.Parse(expression), null);
            }
            catch (UnitException e)
            {
                entry = (null, e.Message);
            }

            if (_units.Count < Capacity)
            {
                _units[expression] = entry;
            }
        }

        if (_byReference.Count < Capacity)
        {
            _byReference[expression] = entry;
        }

        unit = entry.Unit!;
        error = entry.Error;
        return entry.Unit is not null;
    }
}
