namespace TwinPlatform.Rendering;

/// <summary>An immutable per-vertex scalar field to colour a surface by, with the name and unit shown on the legend.</summary>
/// <remarks>
/// The values are copied at construction. They are shown as given: pass them in the unit named by
/// <see cref="Unit"/> (for example von Mises stress in MPa with unit "MPa"), converting from SI at this edge.
/// </remarks>
public sealed class ScalarFieldDescription
{
    private readonly double[] _values;

    /// <summary>Creates a field from double-precision values.</summary>
    /// <param name="name">Legend title, for example "von Mises stress".</param>
    /// <param name="unit">Unit shown on the legend, for example "MPa"; empty for a dimensionless field.</param>
    /// <param name="values">One finite value per mesh vertex.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public ScalarFieldDescription(string name, string unit, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unit);
        Name = name;
        Unit = unit;
        _values = values.ToArray();
        (Minimum, Maximum) = FindRange(_values);
    }

    /// <summary>Creates a field from single-precision values.</summary>
    /// <param name="name">Legend title, for example "von Mises stress".</param>
    /// <param name="unit">Unit shown on the legend, for example "MPa"; empty for a dimensionless field.</param>
    /// <param name="values">One finite value per mesh vertex.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public ScalarFieldDescription(string name, string unit, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unit);
        Name = name;
        Unit = unit;
        _values = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            _values[i] = values[i];
        }

        (Minimum, Maximum) = FindRange(_values);
    }

    /// <summary>The field's name, shown as the legend title.</summary>
    public string Name { get; }

    /// <summary>The unit of <see cref="Values"/>, shown on the legend; may be empty.</summary>
    public string Unit { get; }

    /// <summary>One value per vertex.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Number of values.</summary>
    public int Count => _values.Length;

    /// <summary>Smallest value (0 for an empty field).</summary>
    public double Minimum { get; }

    /// <summary>Largest value (0 for an empty field).</summary>
    public double Maximum { get; }

    private static (double Min, double Max) FindRange(double[] values)
    {
        if (values.Length == 0)
        {
            return (0, 0);
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"scalar value {i} is {v}; every value must be finite", nameof(values));
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }
}
