namespace TwinPlatform.Rendering;

/// <summary>Evaluates the colour maps on the CPU (legend, tests) and fills the GPU lookup textures.</summary>
/// <remarks>
/// Each map is a published table of 256 control points; a value t in 0..1 is linearly interpolated
/// between neighbouring entries, as matplotlib's ListedColormap with 256 entries and a GL texture with
/// linear filtering do. The GPU samples the same 256 entries, so legend and surface agree.
/// </remarks>
public static partial class ColorMap
{
    /// <summary>Number of entries in every colour map table.</summary>
    public const int EntryCount = 256;

    /// <summary>The colour of a map at t (clamped to 0..1): t = 0 is the first table entry, t = 1 the last.</summary>
    /// <param name="kind">Which map.</param>
    /// <param name="t">Position along the map; NaN gives the first entry.</param>
    public static RgbaColor Evaluate(ColorMapKind kind, double t)
    {
        EvaluateUnit(kind, t, out var r, out var g, out var b);
        return RgbaColor.FromUnit(r, g, b);
    }

    /// <summary>Viridis at t; <c>Viridis(0)</c> is #440154 (68, 1, 84) and <c>Viridis(1)</c> is #FDE725 (253, 231, 37).</summary>
    /// <param name="t">Position along the map, clamped to 0..1.</param>
    public static RgbaColor Viridis(double t) => Evaluate(ColorMapKind.Viridis, t);

    /// <summary>Turbo at t; <c>Turbo(0)</c> is #30123B (48, 18, 59) and <c>Turbo(1)</c> is #7A0403 (122, 4, 3).</summary>
    /// <param name="t">Position along the map, clamped to 0..1.</param>
    public static RgbaColor Turbo(double t) => Evaluate(ColorMapKind.Turbo, t);

    /// <summary>Writes the 256 table entries as RGBA bytes (for a 256 x 1 lookup texture).</summary>
    internal static void FillTable(ColorMapKind kind, Span<byte> rgba)
    {
        if (rgba.Length < EntryCount * 4)
        {
            throw new ArgumentException($"need {EntryCount * 4} bytes, got {rgba.Length}", nameof(rgba));
        }

        for (var i = 0; i < EntryCount; i++)
        {
            Entry(kind, i, out var r, out var g, out var b);
            rgba[(4 * i) + 0] = RgbaColor.ToByte(r);
            rgba[(4 * i) + 1] = RgbaColor.ToByte(g);
            rgba[(4 * i) + 2] = RgbaColor.ToByte(b);
            rgba[(4 * i) + 3] = 255;
        }
    }

    /// <summary>The map at t as channel values in 0..1.</summary>
    internal static void EvaluateUnit(ColorMapKind kind, double t, out double r, out double g, out double b)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0.0, 1.0);
        var x = t * (EntryCount - 1);
        var i = Math.Min((int)x, EntryCount - 2);
        var f = x - i;
        Entry(kind, i, out var r0, out var g0, out var b0);
        Entry(kind, i + 1, out var r1, out var g1, out var b1);
        r = r0 + (f * (r1 - r0));
        g = g0 + (f * (g1 - g0));
        b = b0 + (f * (b1 - b0));
    }

    private static void Entry(ColorMapKind kind, int index, out double r, out double g, out double b)
    {
        switch (kind)
        {
            case ColorMapKind.Viridis:
                var v = ViridisTable.Slice(3 * index, 3);
                (r, g, b) = (v[0], v[1], v[2]);
                break;
            case ColorMapKind.Turbo:
                var u = TurboTable.Slice(3 * index, 3);
                (r, g, b) = (u[0] / 255.0, u[1] / 255.0, u[2] / 255.0);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown colour map");
        }
    }
}
