namespace TwinPlatform.Rendering.Imaging;

/// <summary>Measurements of rendered images, for tests and sanity checks of reports.</summary>
public static class ImageStatistics
{
    /// <summary>Number of distinct RGBA values in the image (or in a region of it).</summary>
    public static int CountDistinctColors(RgbaImage image, PixelRect? region = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var r = Clip(image, region);
        var seen = new HashSet<uint>();
        for (var y = r.Y; y < r.Bottom; y++)
        {
            var row = image.GetRow(y);
            for (var x = r.X; x < r.Right; x++)
            {
                var i = 4 * x;
                _ = seen.Add(row[i] | ((uint)row[i + 1] << 8) | ((uint)row[i + 2] << 16) | ((uint)row[i + 3] << 24));
            }
        }

        return seen.Count;
    }

    /// <summary>Fraction (0..1) of pixels whose colour differs from the background by more than a tolerance in any channel.</summary>
    /// <param name="image">The image.</param>
    /// <param name="background">The background colour.</param>
    /// <param name="tolerance">Largest per-channel difference still counted as background.</param>
    /// <param name="region">Region to measure, or null for the whole image.</param>
    public static double ForegroundFraction(RgbaImage image, RgbaColor background, int tolerance = 0, PixelRect? region = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var r = Clip(image, region);
        return r.IsEmpty ? 0 : CountNear(image, background, tolerance, r, invert: true) / ((double)r.Width * r.Height);
    }

    /// <summary>Number of pixels within a per-channel tolerance of a colour (alpha ignored).</summary>
    public static int CountPixelsNear(RgbaImage image, RgbaColor color, int tolerance, PixelRect? region = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return CountNear(image, color, tolerance, Clip(image, region), invert: false);
    }

    /// <summary>The smallest rectangle holding every pixel that differs from the background, or null if there is none.</summary>
    public static PixelRect? ForegroundBounds(RgbaImage image, RgbaColor background, int tolerance = 0, PixelRect? region = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var r = Clip(image, region);
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (var y = r.Y; y < r.Bottom; y++)
        {
            var row = image.GetRow(y);
            for (var x = r.X; x < r.Right; x++)
            {
                if (!IsNear(row, 4 * x, background, tolerance))
                {
                    x0 = Math.Min(x0, x);
                    x1 = Math.Max(x1, x);
                    y0 = Math.Min(y0, y);
                    y1 = Math.Max(y1, y);
                }
            }
        }

        return x1 < 0 ? null : new PixelRect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /// <summary>Largest per-channel difference between two images of the same size (0 means identical).</summary>
    public static int MaxChannelDifference(RgbaImage a, RgbaImage b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"images differ in size: {a.Width} x {a.Height} and {b.Width} x {b.Height}");
        }

        var pa = a.Pixels;
        var pb = b.Pixels;
        var max = 0;
        for (var i = 0; i < pa.Length; i++)
        {
            max = Math.Max(max, Math.Abs(pa[i] - pb[i]));
        }

        return max;
    }

    private static int CountNear(RgbaImage image, RgbaColor color, int tolerance, PixelRect r, bool invert)
    {
        var count = 0;
        for (var y = r.Y; y < r.Bottom; y++)
        {
            var row = image.GetRow(y);
            for (var x = r.X; x < r.Right; x++)
            {
                if (IsNear(row, 4 * x, color, tolerance) != invert)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static bool IsNear(ReadOnlySpan<byte> row, int i, RgbaColor c, int tolerance) =>
        Math.Abs(row[i] - c.R) <= tolerance && Math.Abs(row[i + 1] - c.G) <= tolerance && Math.Abs(row[i + 2] - c.B) <= tolerance;

    private static PixelRect Clip(RgbaImage image, PixelRect? region) =>
        region is { } r ? r.Intersect(image.Bounds) : image.Bounds;
}
