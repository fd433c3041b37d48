namespace TwinPlatform.Materials.Chemistry;

/// <summary>Converts element fractions between mass and atom basis with the atomic masses of an <see cref="ElementTable"/>.</summary>
public static class CompositionConversion
{
    /// <summary>Atom fractions from mass fractions: x_i = (w_i / M_i) / sum_j (w_j / M_j).</summary>
    /// <exception cref="KeyNotFoundException">An element is not in the table.</exception>
    public static KeyValuePair<string, double>[] MassToAtom(IReadOnlyList<KeyValuePair<string, double>> mass, ElementTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(mass);
        var t = table ?? ElementTable.Default;
        var result = new KeyValuePair<string, double>[mass.Count];
        double total = 0;
        for (var i = 0; i < mass.Count; i++)
        {
            var moles = mass[i].Value / t[mass[i].Key].AtomicMass;
            result[i] = new(mass[i].Key, moles);
            total += moles;
        }

        return Normalise(result, total);
    }

    /// <summary>Mass fractions from atom fractions: w_i = x_i M_i / sum_j x_j M_j.</summary>
    /// <exception cref="KeyNotFoundException">An element is not in the table.</exception>
    public static KeyValuePair<string, double>[] AtomToMass(IReadOnlyList<KeyValuePair<string, double>> atom, ElementTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(atom);
        var t = table ?? ElementTable.Default;
        var result = new KeyValuePair<string, double>[atom.Count];
        double total = 0;
        for (var i = 0; i < atom.Count; i++)
        {
            var m = atom[i].Value * t[atom[i].Key].AtomicMass;
            result[i] = new(atom[i].Key, m);
            total += m;
        }

        return Normalise(result, total);
    }

    private static KeyValuePair<string, double>[] Normalise(KeyValuePair<string, double>[] values, double total)
    {
        if (total <= 0)
        {
            throw new ArgumentException("the composition has no positive amount");
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new(values[i].Key, values[i].Value / total);
        }

        return values;
    }
}
