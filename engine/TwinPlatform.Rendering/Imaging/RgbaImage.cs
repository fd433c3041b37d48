using System.Buffers.Binary;
using System.Runtime.InteropServices;
using StbImageWriteSharp;

namespace TwinPlatform.Rendering.Imaging;

/// <summary>An 8-bit RGBA image in memory: row 0 is the top row, 4 bytes per pixel, rows packed without padding.</summary>
/// <remarks>Not thread-safe for concurrent writes. The pixel array is exposed for fast access and may be written.</remarks>
public sealed class RgbaImage
{
    /// <summary>Creates a transparent black image.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    public RgbaImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        Pixels = new byte[checked(width * height * 4)];
    }

    /// <summary>Wraps existing pixel data (not copied).</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="pixels">RGBA bytes, top row first; exactly width x height x 4 bytes.</param>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height * 4)
        {
            throw new ArgumentException($"a {width} x {height} RGBA image needs {(long)width * height * 4} bytes, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGBA bytes, top row first.</summary>
    public byte[] Pixels { get; }

    /// <summary>Bytes per row (4 x <see cref="Width"/>).</summary>
    public int StrideInBytes => Width * 4;

    /// <summary>The whole image as a rectangle.</summary>
    public PixelRect Bounds => new(0, 0, Width, Height);

    /// <summary>The pixel at column x, row y (row 0 at the top).</summary>
    public RgbaColor this[int x, int y]
    {
        get
        {
            var i = Offset(x, y);
            return new(Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
        }

        set
        {
            var i = Offset(x, y);
            Pixels[i] = value.R;
            Pixels[i + 1] = value.G;
            Pixels[i + 2] = value.B;
            Pixels[i + 3] = value.A;
        }
    }

    /// <summary>The bytes of row y.</summary>
    public Span<byte> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.AsSpan(y * StrideInBytes, StrideInBytes);
    }

    /// <summary>Sets every pixel of the image, or of a region of it (clipped to the image), to one colour.</summary>
    public void Fill(RgbaColor color, PixelRect? region = null)
    {
        var r = region is { } given ? given.Intersect(Bounds) : Bounds;
        if (r.IsEmpty)
        {
            return;
        }

        // An RGBA pixel read as a native uint: R is the lowest byte on little-endian machines.
        var packed = color.ToPackedRgba();
        packed = BitConverter.IsLittleEndian ? packed : BinaryPrimitives.ReverseEndianness(packed);
        for (var y = r.Y; y < r.Bottom; y++)
        {
            MemoryMarshal.Cast<byte, uint>(GetRow(y)).Slice(r.X, r.Width).Fill(packed);
        }
    }

    /// <summary>Writes the image as a PNG (RGBA, 8 bits per channel) to a stream.</summary>
    public void WritePng(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        new ImageWriter().WritePng(Pixels, Width, Height, ColorComponents.RedGreenBlueAlpha, destination);
    }

    /// <summary>Writes the image as a PNG file, creating the folder if needed and replacing an existing file.</summary>
    /// <param name="path">File path, normally ending in .png.</param>
    public void SavePng(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        WritePng(stream);
    }

    private int Offset(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"pixel ({x}, {y}) is outside the {Width} x {Height} image");
        }

        return ((y * Width) + x) * 4;
    }
}
