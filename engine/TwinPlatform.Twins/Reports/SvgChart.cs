using System.Globalization;
using System.Text;

namespace TwinPlatform.Twins.Reports;

/// <summary>
/// A small, dependency-free SVG chart for reports: line and marker series on linear axes with
/// "nice" ticks, axis titles and a legend.
/// </summary>
public sealed class SvgChart
{
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 30;
    private const int Bottom = 50;
    private readonly List<Series> _series = [];
    private readonly int _width;
    private readonly int _height;

    /// <summary>Creates an empty chart.</summary>
    public SvgChart(string title, string xTitle, string yTitle, int width = 900, int height = 320)
    {
        Title = title;
        XTitle = xTitle;
        YTitle = yTitle;
        _width = width;
        _height = height;
    }

    /// <summary>Chart title.</summary>
    public string Title { get; }

    /// <summary>x-axis title.</summary>
    public string XTitle { get; }

    /// <summary>y-axis title.</summary>
    public string YTitle { get; }

    /// <summary>Adds a polyline series.</summary>
    public SvgChart Line(string name, string colour, IReadOnlyList<double> x, IReadOnlyList<double> y, double strokeWidth = 1.2)
    {
        _series.Add(new Series(name, colour, x, y, false, strokeWidth));
        return this;
    }

    /// <summary>Adds a marker (scatter) series.</summary>
    public SvgChart Markers(string name, string colour, IReadOnlyList<double> x, IReadOnlyList<double> y, double radius = 1.6)
    {
        _series.Add(new Series(name, colour, x, y, true, radius));
        return this;
    }

    /// <summary>Renders the chart as an inline SVG element.</summary>
    public string ToSvg()
    {
        var c = CultureInfo.InvariantCulture;
        var (x0, x1) = Range(s => s.X);
        var (y0, y1) = Range(s => s.Y);
        var xTicks = NiceTicks(x0, x1, 8);
        var yTicks = NiceTicks(y0, y1, 6);
        x0 = Math.Min(x0, xTicks[0]);
        x1 = Math.Max(x1, xTicks[^1]);
        y0 = Math.Min(y0, yTicks[0]);
        y1 = Math.Max(y1, yTicks[^1]);
        var pw = _width - Left - Right;
        var ph = _height - Top - Bottom;
        double Px(double x) => Left + ((x - x0) / (x1 - x0) * pw);
        double Py(double y) => Top + ph - ((y - y0) / (y1 - y0) * ph);

        var sb = new StringBuilder();
        sb.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{_width}\" height=\"{_height}\" viewBox=\"0 0 {_width} {_height}\" font-family=\"sans-serif\" font-size=\"11\">");
        sb.Append(c, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{pw}\" height=\"{ph}\" fill=\"#fff\" stroke=\"#888\"/>");
        sb.Append(c, $"<text x=\"{_width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{Escape(Title)}</text>");
        foreach (var t in xTicks)
        {
            var px = Px(t);
            sb.Append(c, $"<line x1=\"{px:F1}\" y1=\"{Top}\" x2=\"{px:F1}\" y2=\"{Top + ph}\" stroke=\"#eee\"/>");
            sb.Append(c, $"<text x=\"{px:F1}\" y=\"{Top + ph + 15}\" text-anchor=\"middle\">{Format(t)}</text>");
        }

        foreach (var t in yTicks)
        {
            var py = Py(t);
            sb.Append(c, $"<line x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{Left + pw}\" y2=\"{py:F1}\" stroke=\"#eee\"/>");
            sb.Append(c, $"<text x=\"{Left - 6}\" y=\"{py + 4:F1}\" text-anchor=\"end\">{Format(t)}</text>");
        }

        sb.Append(c, $"<text x=\"{Left + (pw / 2)}\" y=\"{_height - 12}\" text-anchor=\"middle\">{Escape(XTitle)}</text>");
        sb.Append(c, $"<text transform=\"translate(16,{Top + (ph / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(YTitle)}</text>");
        foreach (var s in _series)
        {
            if (s.AsMarkers)
            {
                sb.Append(c, $"<g fill=\"{s.Colour}\" fill-opacity=\"0.7\">");
                for (var i = 0; i < s.X.Count; i++)
                {
                    if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]))
                    {
                        sb.Append(c, $"<circle cx=\"{Px(s.X[i]):F1}\" cy=\"{Py(s.Y[i]):F1}\" r=\"{s.Size}\"/>");
                    }
                }

                sb.Append("</g>");
            }
            else
            {
                sb.Append(c, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"{s.Size}\" points=\"");
                for (var i = 0; i < s.X.Count; i++)
                {
                    if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]))
                    {
                        sb.Append(c, $"{Px(s.X[i]):F1},{Py(s.Y[i]):F1} ");
                    }
                }

                sb.Append("\"/>");
            }
        }

        var ly = Top + 14;
        foreach (var s in _series)
        {
            sb.Append(c, $"<rect x=\"{Left + 10}\" y=\"{ly - 8}\" width=\"14\" height=\"4\" fill=\"{s.Colour}\"/>");
            sb.Append(c, $"<text x=\"{Left + 30}\" y=\"{ly - 3}\">{Escape(s.Name)}</text>");
            ly += 14;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Tick values at 1, 2 or 5 times a power of ten covering [min, max].</summary>
    public static double[] NiceTicks(double min, double max, int target)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return [0, 1];
        }

        if (max <= min)
        {
            max = min + (Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1);
        }

        var raw = (max - min) / Math.Max(1, target);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3 ? 2 : raw / magnitude < 7 ? 5 : 10);
        var start = Math.Floor(min / step) * step;
        var ticks = new List<double>();
        for (var t = start; t <= max + (step * 0.5); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return [.. ticks];
    }

    private (double Min, double Max) Range(Func<Series, IReadOnlyList<double>> pick)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var s in _series)
        {
            foreach (var v in pick(s))
            {
                if (double.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 1);
    }

    private static string Format(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Escape(string s) => System.Net.WebUtility.HtmlEncode(s);

    private sealed record Series(string Name, string Colour, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool AsMarkers, double Size);
}
