namespace TwinPlatform.Rendering;

/// <summary>The scalar values mapped to the two ends of the colour map.</summary>
public readonly record struct ScalarRange
{
    private ScalarRange(bool isAuto, double minimum, double maximum)
    {
        IsAuto = isAuto;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Use the field's smallest and largest values.</summary>
    public static ScalarRange Auto => new(true, double.NaN, double.NaN);

    /// <summary>True when the range comes from the data.</summary>
    public bool IsAuto { get; }

    /// <summary>The value at the low end of the map (NaN when automatic).</summary>
    public double Minimum { get; }

    /// <summary>The value at the high end of the map (NaN when automatic).</summary>
    public double Maximum { get; }

    /// <summary>A fixed range, so images of several load cases share one scale. Values outside get the end colours.</summary>
    /// <param name="minimum">Value at the low end.</param>
    /// <param name="maximum">Value at the high end; greater than <paramref name="minimum"/>.</param>
    public static ScalarRange Fixed(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || maximum <= minimum)
        {
            throw new ArgumentException($"a fixed scalar range needs finite minimum < maximum, got [{minimum}, {maximum}]");
        }

        return new(false, minimum, maximum);
    }
}
