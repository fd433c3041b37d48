using TwinPlatform.Rendering.Imaging;

namespace TwinPlatform.Rendering.Overlay;

/// <summary>Draws the colour bar legend and the title onto a read-back image, on the CPU.</summary>
internal static class OverlayPainter
{
    public static void Draw(RgbaImage image, OverlayLayout layout, RenderDescription description, LegendScale? scale)
    {
        var color = description.Legend.TextColor ?? (description.Background.Luminance > 0.5 ? new RgbaColor(25, 25, 25) : new RgbaColor(235, 235, 235));
        var s = layout.TextScale;
        if (layout.Title is { Length: > 0 } title)
        {
            BitmapFont.Draw(image, title, layout.TitleX, layout.TitleY, s, color);
        }

        if (scale is not null && !layout.Bar.IsEmpty)
        {
            DrawLegend(image, layout, description, scale, color);
        }
    }

    private static void DrawLegend(RgbaImage image, OverlayLayout layout, RenderDescription description, LegendScale scale, RgbaColor color)
    {
        var s = layout.TextScale;
        var bar = layout.Bar;
        var lineHeight = BitmapFont.LineHeight * s;
        var glyphHeight = 7 * s;

        // Header lines above the bar.
        var y = bar.Y - (lineHeight / 2) - (layout.HeaderLines.Length * lineHeight);
        foreach (var line in layout.HeaderLines)
        {
            BitmapFont.Draw(image, line, layout.LegendArea.X, y, s, color);
            y += lineHeight;
        }

        // The bar: top row is the maximum. Bands quantize exactly as the fragment shader does.
        var bands = description.ColorBands;
        for (var row = 0; row < bar.Height; row++)
        {
            var t = 1 - ((row + 0.5) / bar.Height);
            if (bands > 0)
            {
                t = (Math.Min(Math.Floor(t * bands), bands - 1) + 0.5) / bands;
            }

            FillRect(image, new PixelRect(bar.X, bar.Y + row, bar.Width, 1), ColorMap.Evaluate(description.ColorMap, t));
        }

        var line1 = Math.Max(1, s / 2);
        FillRect(image, new PixelRect(bar.X - line1, bar.Y - line1, bar.Width + (2 * line1), line1), color);
        FillRect(image, new PixelRect(bar.X - line1, bar.Bottom, bar.Width + (2 * line1), line1), color);
        FillRect(image, new PixelRect(bar.X - line1, bar.Y, line1, bar.Height), color);
        FillRect(image, new PixelRect(bar.Right, bar.Y, line1, bar.Height), color);

        var labelX = bar.Right + OverlayLayout.LabelOffset(s);
        var tickLength = 3 * s;
        DrawLabel(image, scale.MaximumLabel, labelX, bar.Y, bar.Right, tickLength, line1, glyphHeight, color);
        DrawLabel(image, scale.MinimumLabel, labelX, bar.Bottom - 1, bar.Right, tickLength, line1, glyphHeight, color);

        var range = scale.Maximum - scale.Minimum;
        for (var i = 0; i < scale.Ticks.Length; i++)
        {
            var fraction = range > 0 ? (scale.Ticks[i] - scale.Minimum) / range : 0;
            var ty = bar.Bottom - 1 - (int)Math.Round(fraction * (bar.Height - 1));

            // Ticks crowding an end label are left out; the end labels carry the exact extremes.
            if (ty - bar.Y < lineHeight || bar.Bottom - 1 - ty < lineHeight)
            {
                continue;
            }

            DrawLabel(image, scale.TickLabels[i], labelX, ty, bar.Right, tickLength, line1, glyphHeight, color);
        }
    }

    private static void DrawLabel(RgbaImage image, string text, int x, int y, int barRight, int tickLength, int thickness, int glyphHeight, RgbaColor color)
    {
        FillRect(image, new PixelRect(barRight, y - (thickness / 2), tickLength, thickness), color);
        BitmapFont.Draw(image, text, x, y - (glyphHeight / 2), glyphHeight / 7, color);
    }

    private static void FillRect(RgbaImage image, PixelRect rect, RgbaColor color) => image.Fill(color, rect);
}
