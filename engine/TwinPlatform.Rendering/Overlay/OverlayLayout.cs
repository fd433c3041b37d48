using TwinPlatform.Rendering.Imaging;

namespace TwinPlatform.Rendering.Overlay;

/// <summary>Where the mesh, the legend and the title go on the image, all in pixels with the origin at the top left.</summary>
/// <remarks>
/// The title, if any, takes a line at the top; the legend a column at the right sized to its text; the
/// mesh gets the rest less a margin, so the fitted part never touches the legend or the image border.
/// </remarks>
internal sealed class OverlayLayout
{
    public required int TextScale { get; init; }

    public required int Margin { get; init; }

    public required PixelRect MeshViewport { get; init; }

    /// <summary>The column reserved for the legend (empty when there is no legend).</summary>
    public required PixelRect LegendArea { get; init; }

    /// <summary>The colour bar itself.</summary>
    public required PixelRect Bar { get; init; }

    /// <summary>Legend header lines (field name and unit), drawn above the bar.</summary>
    public required string[] HeaderLines { get; init; }

    public required string? Title { get; init; }

    public required int TitleX { get; init; }

    public required int TitleY { get; init; }

    public static OverlayLayout Compute(RenderDescription description, ScalarFieldDescription? field, LegendScale? scale)
    {
        var width = description.Width;
        var height = description.Height;
        var s = TextScaleFor(description);
        var margin = Math.Max(4, (int)Math.Round(0.02 * Math.Min(width, height)));
        var lineHeight = BitmapFont.LineHeight * s;
        var top = margin;

        string? title = null;
        int titleX = 0, titleY = 0;
        if (!string.IsNullOrWhiteSpace(description.Title))
        {
            title = Fit(description.Title.Trim(), width - (2 * margin), s);
            var titleWidth = BitmapFont.MeasureWidth(title, s);
            titleX = Math.Max(margin, (width - titleWidth) / 2);
            titleY = margin;
            top = margin + lineHeight + (margin / 2);
        }

        var meshRight = width - margin;
        var legendArea = default(PixelRect);
        var bar = default(PixelRect);
        string[] header = [];
        if (field is not null && scale is not null && description.Legend.Visible)
        {
            var maxLegendWidth = (int)(0.4 * width);
            var unit = field.Unit.Trim();
            var oneLine = unit.Length == 0 ? field.Name : $"{field.Name} ({unit})";
            header = BitmapFont.MeasureWidth(oneLine, s) <= maxLegendWidth || unit.Length == 0
                ? [Fit(oneLine, maxLegendWidth, s)]
                : [Fit(field.Name, maxLegendWidth, s), Fit($"({unit})", maxLegendWidth, s)];

            var labelWidth = Math.Max(BitmapFont.MeasureWidth(scale.MinimumLabel, s), BitmapFont.MeasureWidth(scale.MaximumLabel, s));
            foreach (var label in scale.TickLabels)
            {
                labelWidth = Math.Max(labelWidth, BitmapFont.MeasureWidth(label, s));
            }

            var barWidth = 12 * s;
            var barBlockWidth = barWidth + LabelOffset(s) + labelWidth;
            var headerWidth = 0;
            foreach (var line in header)
            {
                headerWidth = Math.Max(headerWidth, BitmapFont.MeasureWidth(line, s));
            }

            var legendWidth = Math.Min(Math.Max(headerWidth, barBlockWidth), maxLegendWidth);
            var legendX = width - margin - legendWidth;
            legendArea = new PixelRect(legendX, top, legendWidth, height - margin - top);
            meshRight = legendX - (2 * margin);

            // Header, then the bar; the end labels stick out half a line above and below the bar.
            var headerHeight = (header.Length * lineHeight) + (lineHeight / 2);
            var available = legendArea.Height - headerHeight - lineHeight;
            var barHeight = Math.Clamp((int)(0.6 * (height - top - margin)), Math.Min(40, available), Math.Max(available, 1));
            var blockTop = top + ((legendArea.Height - (headerHeight + barHeight + (lineHeight / 2))) / 2);
            bar = new PixelRect(legendX, blockTop + headerHeight, barWidth, barHeight);
        }

        var viewport = new PixelRect(margin, top, Math.Max(1, meshRight - margin), Math.Max(1, height - margin - top));
        return new OverlayLayout
        {
            TextScale = s,
            Margin = margin,
            MeshViewport = viewport,
            LegendArea = legendArea,
            Bar = bar,
            HeaderLines = header,
            Title = title,
            TitleX = titleX,
            TitleY = titleY,
        };
    }

    /// <summary>Gap between the bar's right edge and the label text: tick mark plus spacing.</summary>
    public static int LabelOffset(int scale) => 6 * scale;

    private static int TextScaleFor(RenderDescription description) =>
        description.Legend.TextScale > 0
            ? description.Legend.TextScale
            : Math.Clamp((int)Math.Round(Math.Min(description.Width / 640.0, description.Height / 480.0)), 1, 8);

    /// <summary>The text, cut and ended with ".." if it is wider than the room.</summary>
    private static string Fit(string text, int room, int scale)
    {
        if (BitmapFont.MeasureWidth(text, scale) <= room)
        {
            return text;
        }

        var chars = Math.Max(0, ((room / scale) + 1) / BitmapFont.Advance);
        return chars <= 2 ? string.Empty : string.Concat(text.AsSpan(0, chars - 2), "..");
    }
}
