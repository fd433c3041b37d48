using System.Globalization;

namespace TwinPlatform.Rendering.Overlay;

/// <summary>The numbers on a colour bar: the two end values and round tick values between them, with their labels.</summary>
/// <remarks>
/// Ticks are at 1, 2, 2.5 or 5 times a power of ten (after Heckbert, "Nice numbers for graph labels", Graphics
/// Gems, 1990). All tick labels share one format: fixed-point with as many decimals as the step needs,
/// or, when the values are very large or very small, a shared exponent ("3.5e+08"). The end labels show
/// four significant digits so the exact extremes can be read.
/// </remarks>
internal sealed class LegendScale
{
    private LegendScale(double minimum, double maximum, double[] ticks, string[] tickLabels, string minimumLabel, string maximumLabel)
    {
        Minimum = minimum;
        Maximum = maximum;
        Ticks = ticks;
        TickLabels = tickLabels;
        MinimumLabel = minimumLabel;
        MaximumLabel = maximumLabel;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    public double[] Ticks { get; }

    public string[] TickLabels { get; }

    public string MinimumLabel { get; }

    public string MaximumLabel { get; }

    public static LegendScale Create(double minimum, double maximum, int targetTickCount)
    {
        var range = maximum - minimum;
        var largest = Math.Max(Math.Abs(minimum), Math.Abs(maximum));
        var exponent = largest > 0 ? (int)Math.Floor(Math.Log10(largest)) : 0;
        var scientific = largest >= 1e5 || (largest > 0 && largest < 1e-3);

        var ticks = new List<double>();
        var labels = new List<string>();
        if (range > 0 && targetTickCount > 0)
        {
            var step = NiceStep(range / Math.Max(1, targetTickCount));
            var first = Math.Ceiling((minimum / step) - 1e-9) * step;
            for (var i = 0; ; i++)
            {
                var v = first + (i * step);
                if (v > maximum + (step * 1e-9) || i > 100)
                {
                    break;
                }

                if (Math.Abs(v) < step * 1e-9)
                {
                    v = 0;
                }

                ticks.Add(v);
                labels.Add(scientific ? FormatScientific(v, exponent, Decimals(step / Math.Pow(10, exponent))) : FormatFixed(v, Decimals(step)));
            }
        }

        return new LegendScale(minimum, maximum, [.. ticks], [.. labels], FormatSignificant(minimum, scientific, exponent), FormatSignificant(maximum, scientific, exponent));
    }

    /// <summary>The step of 1, 2, 2.5 or 5 times a power of ten closest (on a log scale) to the raw step.</summary>
    internal static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var best = 1.0;
        foreach (var candidate in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (Math.Abs(Math.Log(candidate / normalized)) < Math.Abs(Math.Log(best / normalized)))
            {
                best = candidate;
            }
        }

        return best * magnitude;
    }

    /// <summary>Fewest decimals that write the step exactly (0.025 needs 3, 50 needs 0).</summary>
    private static int Decimals(double step)
    {
        for (var d = 0; d < 9; d++)
        {
            var scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled))
            {
                return d;
            }
        }

        return 9;
    }

    private static string FormatFixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string FormatScientific(double value, int exponent, int decimals)
    {
        var mantissa = value / Math.Pow(10, exponent);
        var sign = exponent < 0 ? "-" : "+";
        return FormatFixed(mantissa, decimals) + "e" + sign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string FormatSignificant(double value, bool scientific, int exponent)
    {
        if (scientific)
        {
            return FormatScientific(value, exponent, 3);
        }

        if (value == 0)
        {
            return "0";
        }

        var decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        var text = FormatFixed(value, decimals);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == "-0" ? "0" : text;
    }
}
