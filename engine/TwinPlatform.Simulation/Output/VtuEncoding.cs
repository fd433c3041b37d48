namespace TwinPlatform.Simulation.Output;

/// <summary>How <see cref="VtuWriter"/> encodes data arrays.</summary>
public enum VtuEncoding
{
    /// <summary>Plain text numbers (round-trip precision).</summary>
    Ascii,

    /// <summary>Inline base64 of a UInt64 byte count followed by the little-endian values (VTK "binary" format).</summary>
    Base64,
}
