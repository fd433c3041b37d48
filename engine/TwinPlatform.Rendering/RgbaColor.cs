namespace TwinPlatform.Rendering;

/// <summary>An 8-bit-per-channel sRGB colour with straight (not premultiplied) alpha.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
/// <param name="A">Alpha, 0 (transparent) to 255 (opaque).</param>
public readonly record struct RgbaColor(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque white.</summary>
    public static RgbaColor White => new(255, 255, 255);

    /// <summary>Opaque black.</summary>
    public static RgbaColor Black => new(0, 0, 0);

    /// <summary>Relative luminance in 0..1 from the sRGB channel values (Rec. 709 weights on the encoded values).</summary>
    public double Luminance => ((0.2126 * R) + (0.7152 * G) + (0.0722 * B)) / 255.0;

    /// <summary>Creates an opaque colour from channel values in 0..1 (clamped, rounded to the nearest byte).</summary>
    public static RgbaColor FromUnit(double r, double g, double b) => new(ToByte(r), ToByte(g), ToByte(b));

    /// <summary>The colour packed as 0xAABBGGRR, the byte order of an RGBA pixel read as a little-endian uint.</summary>
    public uint ToPackedRgba() => R | ((uint)G << 8) | ((uint)B << 16) | ((uint)A << 24);

    /// <inheritdoc/>
    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}{A:X2}";

    internal static byte ToByte(double unit) => (byte)Math.Clamp(Math.Round(unit * 255.0), 0.0, 255.0);
}
