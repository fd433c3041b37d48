using TwinPlatform.Rendering;

namespace TwinPlatform.Rendering.Tests;

public class ColorMapTests
{
    [Fact]
    public void Viridis_Endpoints_AreThePublishedColours()
    {
        // matplotlib: viridis(0) = #440154, viridis(1) = #FDE725.
        Assert.Equal(new RgbaColor(0x44, 0x01, 0x54), ColorMap.Viridis(0));
        Assert.Equal(new RgbaColor(0xFD, 0xE7, 0x25), ColorMap.Viridis(1));
    }

    [Fact]
    public void Turbo_Endpoints_AreThePublishedColours()
    {
        // turbo_srgb_bytes[0] = {48, 18, 59}, [255] = {122, 4, 3}.
        Assert.Equal(new RgbaColor(48, 18, 59), ColorMap.Turbo(0));
        Assert.Equal(new RgbaColor(122, 4, 3), ColorMap.Turbo(1));
    }

    [Fact]
    public void Viridis_Midpoint_MatchesMatplotlibWithinOneLevel()
    {
        // matplotlib.colors.to_hex(viridis(0.5)) = #21918C; we interpolate entries 127 and 128, matplotlib picks 128.
        var c = ColorMap.Viridis(0.5);
        Assert.InRange(c.R, 0x21 - 1, 0x21 + 1);
        Assert.InRange(c.G, 0x91 - 1, 0x91 + 1);
        Assert.InRange(c.B, 0x8C - 1, 0x8C + 1);
    }

    [Theory]
    [InlineData(ColorMapKind.Viridis)]
    [InlineData(ColorMapKind.Turbo)]
    public void Evaluate_OutsideUnitInterval_ClampsToEnds(ColorMapKind kind)
    {
        Assert.Equal(ColorMap.Evaluate(kind, 0), ColorMap.Evaluate(kind, -3));
        Assert.Equal(ColorMap.Evaluate(kind, 1), ColorMap.Evaluate(kind, 7));
        Assert.Equal(ColorMap.Evaluate(kind, 0), ColorMap.Evaluate(kind, double.NaN));
    }

    [Fact]
    public void Viridis_RelativeLuminance_IncreasesMonotonically()
    {
        // Viridis is designed with monotonically increasing lightness; check the table's relative
        // luminance Y (sRGB decoded to linear light, Rec. 709 weights) never drops.
        var previous = -1.0;
        for (var i = 0; i <= 1000; i++)
        {
            ColorMap.EvaluateUnit(ColorMapKind.Viridis, i / 1000.0, out var r, out var g, out var b);
            var y = (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));
            Assert.True(y >= previous, $"luminance drops at t = {i / 1000.0}");
            previous = y;
        }
    }

    [Theory]
    [InlineData(ColorMapKind.Viridis)]
    [InlineData(ColorMapKind.Turbo)]
    public void FillTable_EveryEntry_MatchesEvaluateAtTexelCentre(ColorMapKind kind)
    {
        var table = new byte[ColorMap.EntryCount * 4];
        ColorMap.FillTable(kind, table);
        for (var i = 0; i < ColorMap.EntryCount; i++)
        {
            var c = ColorMap.Evaluate(kind, i / 255.0);
            Assert.Equal(c, new RgbaColor(table[4 * i], table[(4 * i) + 1], table[(4 * i) + 2], table[(4 * i) + 3]));
        }
    }

    private static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
}
