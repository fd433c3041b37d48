using TwinPlatform.Rendering;
using TwinPlatform.Rendering.Imaging;
using TwinPlatform.Rendering.Overlay;

namespace TwinPlatform.Rendering.Tests;

public class BitmapFontTests
{
    [Fact]
    public void Glyphs_EveryVisibleAsciiCharacter_HasItsOwnNonEmptyGlyph()
    {
        var seen = new Dictionary<string, char>();
        for (var ch = '!'; ch <= '~'; ch++)
        {
            var bits = Bits(ch);
            Assert.True(bits.Contains('#', StringComparison.Ordinal), $"'{ch}' has an empty glyph");
            Assert.False(seen.TryGetValue(bits, out var other), $"'{ch}' looks the same as '{other}'");
            seen[bits] = ch;
        }
    }

    [Fact]
    public void Glyphs_UnknownCharacter_DrawsQuestionMark() =>
        Assert.Equal(Bits('?'), Bits('\u4E2D'));

    [Fact]
    public void MeasureWidth_Text_IsAdvanceTimesLengthLessSpacing()
    {
        Assert.Equal(((3 * 6) - 1) * 2, BitmapFont.MeasureWidth("MPa", 2));
        Assert.Equal(0, BitmapFont.MeasureWidth(string.Empty, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Draw_Text_StaysInsideItsBox(int scale)
    {
        var image = new RgbaImage(200, 80);
        image.Fill(RgbaColor.White);
        const string text = "-1.5e+08 gjpqy";
        BitmapFont.Draw(image, text, 10, 10, scale, RgbaColor.Black);
        var bounds = ImageStatistics.ForegroundBounds(image, RgbaColor.White);
        Assert.NotNull(bounds);
        var box = new PixelRect(10, 10, BitmapFont.MeasureWidth(text, scale), BitmapFont.GlyphHeight * scale);
        Assert.Equal(bounds.Value, bounds.Value.Intersect(box));
    }

    private static string Bits(char ch)
    {
        var chars = new char[BitmapFont.GlyphWidth * BitmapFont.GlyphHeight];
        for (var r = 0; r < BitmapFont.GlyphHeight; r++)
        {
            for (var c = 0; c < BitmapFont.GlyphWidth; c++)
            {
                chars[(r * BitmapFont.GlyphWidth) + c] = BitmapFont.IsSet(ch, c, r) ? '#' : '.';
            }
        }

        return new string(chars);
    }
}
