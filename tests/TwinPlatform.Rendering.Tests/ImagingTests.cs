using TwinPlatform.Rendering;
using TwinPlatform.Rendering.Imaging;
using TwinPlatform.Testing;

namespace TwinPlatform.Rendering.Tests;

public class ImagingTests
{
    [Fact]
    public void SavePng_SmallImage_WritesValidPngHeader()
    {
        var image = new RgbaImage(37, 21);
        image.Fill(new RgbaColor(10, 20, 30));
        var path = Path.Combine(RepoPaths.NewTempFolder("png"), "sub", "image.png");

        image.SavePng(path);

        var (width, height, bitDepth, colorType) = PngFile.ReadHeader(path);
        Assert.Equal((37, 21, 8, 6), (width, height, bitDepth, colorType)); // colour type 6 = RGBA
    }

    [Fact]
    public void Fill_Region_ChangesOnlyThatRegion()
    {
        var image = new RgbaImage(10, 10);
        image.Fill(RgbaColor.White);
        image.Fill(RgbaColor.Black, new PixelRect(8, 8, 5, 5));

        Assert.Equal(RgbaColor.Black, image[9, 9]);
        Assert.Equal(RgbaColor.White, image[7, 9]);
        Assert.Equal(4, ImageStatistics.CountPixelsNear(image, RgbaColor.Black, 0));
        Assert.Equal(new PixelRect(8, 8, 2, 2), ImageStatistics.ForegroundBounds(image, RgbaColor.White));
        Assert.Equal(0.04, ImageStatistics.ForegroundFraction(image, RgbaColor.White), 12);
        Assert.Equal(2, ImageStatistics.CountDistinctColors(image));
    }

    [Fact]
    public void MaxChannelDifference_OnePixelChanged_ReportsItsDifference()
    {
        var a = new RgbaImage(4, 4);
        var b = new RgbaImage(4, 4, (byte[])a.Pixels.Clone());
        b[2, 3] = new RgbaColor(0, 7, 0, 0);

        Assert.Equal(7, ImageStatistics.MaxChannelDifference(a, b));
    }

    [Fact]
    public void Constructor_WrongPixelCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new RgbaImage(4, 4, new byte[63]));
}
