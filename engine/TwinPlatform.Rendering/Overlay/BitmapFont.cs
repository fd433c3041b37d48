using TwinPlatform.Rendering.Imaging;

namespace TwinPlatform.Rendering.Overlay;

/// <summary>A built-in 5 x 7 pixel font (with two descender rows), drawn on the CPU at an integer scale.</summary>
/// <remarks>
/// No font package, no file: the glyphs are a table in code. At scale 2 and 4 the glyphs are enlarged
/// with the Scale2x (EPX) rule of A. Mazzoleni, which rounds diagonal strokes instead of showing stair
/// steps; other scales use plain pixel replication. Unknown characters draw as '?'.
/// </remarks>
internal static partial class BitmapFont
{
    /// <summary>Glyph cell width in font pixels.</summary>
    public const int GlyphWidth = 5;

    /// <summary>Glyph cell height in font pixels (7 above the baseline, 2 below).</summary>
    public const int GlyphHeight = 9;

    /// <summary>Horizontal advance per character in font pixels (one column of spacing).</summary>
    public const int Advance = 6;

    /// <summary>Distance between baselines in font pixels.</summary>
    public const int LineHeight = 11;

    /// <summary>Width of a string in image pixels at a scale.</summary>
    public static int MeasureWidth(string text, int scale) =>
        text.Length == 0 ? 0 : ((text.Length * Advance) - 1) * scale;

    /// <summary>Draws a string with its top-left corner at (x, y), clipped to the image.</summary>
    public static void Draw(RgbaImage image, string text, int x, int y, int scale, RgbaColor color)
    {
        Span<byte> mask = stackalloc byte[GlyphWidth * GlyphHeight * 16];
        var size = scale is 2 or 4 ? scale : 1;
        var replicate = size == 1 ? scale : 1;
        foreach (var ch in text)
        {
            if (ch != ' ')
            {
                var glyph = GlyphIndex(ch);
                var w = GlyphWidth * size;
                var h = GlyphHeight * size;
                var m = mask[..(w * h)];
                GlyphMask(glyph, size, m);
                for (var gy = 0; gy < h; gy++)
                {
                    for (var gx = 0; gx < w; gx++)
                    {
                        if (m[(gy * w) + gx] != 0)
                        {
                            FillBlock(image, x + (gx * replicate), y + (gy * replicate), replicate, color);
                        }
                    }
                }
            }

            x += Advance * scale;
        }
    }

    /// <summary>Whether font pixel (column, row) of a character is set (unscaled).</summary>
    internal static bool IsSet(char ch, int column, int row) =>
        (uint)column < GlyphWidth && (uint)row < GlyphHeight && (GlyphRows.Rows[(GlyphIndex(ch) * GlyphHeight) + row] & (1 << (GlyphWidth - 1 - column))) != 0;

    /// <summary>Number of characters with their own glyph.</summary>
    internal static int GlyphCount => AsciiGlyphs.Length + ExtraGlyphs.Length;

    private static void GlyphMask(int glyph, int size, Span<byte> mask)
    {
        Span<byte> basic = stackalloc byte[GlyphWidth * GlyphHeight];
        for (var r = 0; r < GlyphHeight; r++)
        {
            var bits = GlyphRows.Rows[(glyph * GlyphHeight) + r];
            for (var c = 0; c < GlyphWidth; c++)
            {
                basic[(r * GlyphWidth) + c] = (byte)((bits >> (GlyphWidth - 1 - c)) & 1);
            }
        }

        if (size == 1)
        {
            basic.CopyTo(mask);
            return;
        }

        Span<byte> doubled = stackalloc byte[GlyphWidth * GlyphHeight * 4];
        Scale2x(basic, GlyphWidth, GlyphHeight, doubled);
        if (size == 2)
        {
            doubled.CopyTo(mask);
            return;
        }

        Scale2x(doubled, 2 * GlyphWidth, 2 * GlyphHeight, mask);
    }

    /// <summary>
    /// Scale2x / EPX: each pixel P becomes 2 x 2; a sub-pixel takes the colour of its two adjacent
    /// neighbours when those agree and the opposite pair does not, which fills the inner corner of a
    /// diagonal step and smooths slanted strokes.
    /// </summary>
    private static void Scale2x(ReadOnlySpan<byte> src, int width, int height, Span<byte> dst)
    {
        var w2 = 2 * width;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = src[(y * width) + x];
                var a = y > 0 ? src[((y - 1) * width) + x] : (byte)0;
                var d = y < height - 1 ? src[((y + 1) * width) + x] : (byte)0;
                var c = x > 0 ? src[(y * width) + x - 1] : (byte)0;
                var b = x < width - 1 ? src[(y * width) + x + 1] : (byte)0;
                var e0 = p;
                var e1 = p;
                var e2 = p;
                var e3 = p;
                if (c == a && c != d && a != b)
                {
                    e0 = a;
                }

                if (a == b && a != c && b != d)
                {
                    e1 = b;
                }

                if (d == c && d != b && c != a)
                {
                    e2 = c;
                }

                if (b == d && b != a && d != c)
                {
                    e3 = d;
                }

                var o = (2 * y * w2) + (2 * x);
                dst[o] = e0;
                dst[o + 1] = e1;
                dst[o + w2] = e2;
                dst[o + w2 + 1] = e3;
            }
        }
    }

    private static void FillBlock(RgbaImage image, int x, int y, int size, RgbaColor color)
    {
        var pixels = image.Pixels;
        for (var yy = Math.Max(y, 0); yy < Math.Min(y + size, image.Height); yy++)
        {
            for (var xx = Math.Max(x, 0); xx < Math.Min(x + size, image.Width); xx++)
            {
                var i = ((yy * image.Width) + xx) * 4;
                pixels[i] = color.R;
                pixels[i + 1] = color.G;
                pixels[i + 2] = color.B;
                pixels[i + 3] = color.A;
            }
        }
    }

    private static int GlyphIndex(char ch)
    {
        if (ch >= ' ' && ch < ' ' + AsciiGlyphs.Length)
        {
            return ch - ' ';
        }

        for (var i = 0; i < ExtraGlyphs.Length; i++)
        {
            if (ExtraGlyphs[i].Character == ch)
            {
                return AsciiGlyphs.Length + i;
            }
        }

        return '?' - ' ';
    }

    private static byte[] BuildRows()
    {
        var rows = new byte[GlyphCount * GlyphHeight];
        for (var g = 0; g < GlyphCount; g++)
        {
            var pattern = g < AsciiGlyphs.Length ? AsciiGlyphs[g] : ExtraGlyphs[g - AsciiGlyphs.Length].Pattern;
            var r = 0;
            foreach (var range in pattern.AsSpan().Split('|'))
            {
                var line = pattern.AsSpan(range);
                if (line.IsEmpty)
                {
                    continue;
                }

                if (line.Length != GlyphWidth || r >= GlyphHeight)
                {
                    throw new InvalidOperationException($"glyph {g} of the built-in font is malformed at row {r}");
                }

                byte bits = 0;
                for (var c = 0; c < GlyphWidth; c++)
                {
                    if (line[c] == '#')
                    {
                        bits |= (byte)(1 << (GlyphWidth - 1 - c));
                    }
                }

                rows[(g * GlyphHeight) + r++] = bits;
            }
        }

        return rows;
    }

    /// <summary>The parsed table, built on first use (after the partial class's glyph strings exist).</summary>
    private static class GlyphRows
    {
        public static readonly byte[] Rows = BuildRows();
    }
}
