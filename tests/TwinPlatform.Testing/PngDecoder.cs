using System.Buffers.Binary;
using System.IO.Compression;

namespace TwinPlatform.Testing;

/// <summary>Decodes 8-bit RGBA or RGB, non-interlaced PNG files (what the renderer writes) for image checks in tests.</summary>
public static class PngDecoder
{
    /// <summary>Reads a PNG into width, height and RGBA bytes (row 0 at the top).</summary>
    public static (int Width, int Height, byte[] Rgba) Decode(string path)
    {
        var data = File.ReadAllBytes(path);
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!data.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos < data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            var body = data.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                var bitDepth = body[8];
                var colourType = body[9];
                var interlace = body[12];
                channels = colourType switch { 6 => 4, 2 => 3, _ => 0 };
                if (bitDepth != 8 || channels == 0 || interlace != 0)
                {
                    throw new NotSupportedException($"{path}: only 8-bit RGB/RGBA non-interlaced PNG is decoded here");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(body);
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var rows = new byte[height * stride];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var src = bytes.AsSpan((y * (stride + 1)) + 1, stride);
            var dst = rows.AsSpan(y * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? dst[x - channels] : 0;
                int b = previous[x];
                int c = x >= channels ? previous[x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: unknown PNG filter {filter}"),
                };
                dst[x] = (byte)(src[x] + predictor);
            }

            dst.CopyTo(previous);
        }

        if (channels == 4)
        {
            return (width, height, rows);
        }

        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            rgba[4 * i] = rows[3 * i];
            rgba[(4 * i) + 1] = rows[(3 * i) + 1];
            rgba[(4 * i) + 2] = rows[(3 * i) + 2];
            rgba[(4 * i) + 3] = 255;
        }

        return (width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
