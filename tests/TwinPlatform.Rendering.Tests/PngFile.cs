using System.Buffers.Binary;

namespace TwinPlatform.Rendering.Tests;

/// <summary>Reads the header of a PNG file (signature and IHDR chunk), enough to check a file decodes to the expected size.</summary>
internal static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width, height, bit depth and colour type from the IHDR chunk; throws if the file is not a PNG.</summary>
    public static (int Width, int Height, int BitDepth, int ColorType) ReadHeader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);

        // The first chunk must be IHDR: length 13, type, width, height, bit depth, colour type, ...
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Contains("IEND"u8.ToArray(), TailChunks(bytes));
        return (width, height, bytes[24], bytes[25]);
    }

    private static IEnumerable<byte[]> TailChunks(byte[] bytes)
    {
        // Walk the chunk list: length (4), type (4), data, CRC (4).
        var offset = 8;
        while (offset + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            yield return bytes[(offset + 4)..(offset + 8)];
            offset += 12 + length;
        }
    }
}
