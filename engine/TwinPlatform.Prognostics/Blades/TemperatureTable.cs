using System.Globalization;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Materials.Passports;

namespace TwinPlatform.Prognostics.Blades;

/// <summary>
/// A material property tabulated against temperature, read from a material passport whose entries are
/// named <c>&lt;property&gt;_at_&lt;T&gt;K</c> (for example <c>yield_strength_at_922K</c>). Mean and
/// standard deviation are interpolated linearly in temperature and held constant beyond the table's ends.
/// </summary>
/// <remarks>Immutable; lookup is allocation-free.</remarks>
public sealed class TemperatureTable
{
    private readonly double[] _temperatureK;
    private readonly double[] _mean;
    private readonly double[] _sd;

    /// <summary>Creates a table from points sorted by increasing temperature.</summary>
    /// <param name="property">Property name (for messages).</param>
    /// <param name="temperatureK">Temperatures, K, strictly increasing.</param>
    /// <param name="mean">Mean value at each temperature, SI.</param>
    /// <param name="standardDeviation">Standard deviation at each temperature, SI.</param>
    public TemperatureTable(string property, IReadOnlyList<double> temperatureK, IReadOnlyList<double> mean, IReadOnlyList<double> standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(temperatureK);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(standardDeviation);
        if (temperatureK.Count == 0 || mean.Count != temperatureK.Count || standardDeviation.Count != temperatureK.Count)
        {
            throw new ArgumentException($"table '{property}' needs one mean and standard deviation per temperature");
        }

        for (var i = 1; i < temperatureK.Count; i++)
        {
            if (!(temperatureK[i] > temperatureK[i - 1]))
            {
                throw new ArgumentException($"table '{property}': temperatures must increase", nameof(temperatureK));
            }
        }

        Property = property;
        _temperatureK = [.. temperatureK];
        _mean = [.. mean];
        _sd = [.. standardDeviation];
    }

    /// <summary>Property name.</summary>
    public string Property { get; }

    /// <summary>Tabulated temperatures, K.</summary>
    public IReadOnlyList<double> TemperaturesK => _temperatureK;

    /// <summary>Lowest tabulated temperature, K.</summary>
    public double MinTemperatureK => _temperatureK[0];

    /// <summary>Highest tabulated temperature, K.</summary>
    public double MaxTemperatureK => _temperatureK[^1];

    /// <summary>Mean and standard deviation at <paramref name="temperatureK"/> (clamped to the table's range).</summary>
    public (double Mean, double StandardDeviation) At(double temperatureK)
    {
        var t = _temperatureK;
        if (temperatureK <= t[0])
        {
            return (_mean[0], _sd[0]);
        }

        if (temperatureK >= t[^1])
        {
            return (_mean[^1], _sd[^1]);
        }

        var i = 1;
        while (t[i] < temperatureK)
        {
            i++;
        }

        var w = (temperatureK - t[i - 1]) / (t[i] - t[i - 1]);
        return (_mean[i - 1] + (w * (_mean[i] - _mean[i - 1])), _sd[i - 1] + (w * (_sd[i] - _sd[i - 1])));
    }

    /// <summary>The value at <paramref name="temperatureK"/> as a normal distribution with its central interval at <paramref name="level"/>.</summary>
    public UncertainValue ValueAt(double temperatureK, double level = 0.90)
    {
        var (m, s) = At(temperatureK);
        return UncertainValue.Normal(m, s, level);
    }

    /// <summary>Collects the entries <c>&lt;property&gt;_at_&lt;T&gt;K</c> of a passport.</summary>
    /// <exception cref="KeyNotFoundException">The passport has no such entry.</exception>
    public static TemperatureTable FromPassport(MaterialPassport passport, string property)
    {
        ArgumentNullException.ThrowIfNull(passport);
        ArgumentNullException.ThrowIfNull(property);
        var prefix = property + "_at_";
        var points = new List<(double T, double Mean, double Sd)>();
        foreach (var name in passport.PropertyNames)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith('K'))
            {
                continue;
            }

            var text = name.AsSpan(prefix.Length, name.Length - prefix.Length - 1);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
            {
                throw new FormatException($"passport '{passport.MaterialId}': entry '{name}' does not end in a temperature such as _at_294K");
            }

            var q = passport.Properties[name].Value;
            points.Add((t, q.Mean, q.StandardDeviation));
        }

        if (points.Count == 0)
        {
            throw new KeyNotFoundException($"passport '{passport.MaterialId}' has no entries '{prefix}<T>K' (it has: {string.Join(", ", passport.PropertyNames)})");
        }

        points.Sort((a, b) => a.T.CompareTo(b.T));
        var temps = new double[points.Count];
        var means = new double[points.Count];
        var sds = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            (temps[i], means[i], sds[i]) = points[i];
        }

        return new TemperatureTable(property, temps, means, sds);
    }
}
