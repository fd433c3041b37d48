namespace TwinPlatform.Rendering;

/// <summary>The colour bar legend drawn at the right of the image when the mesh has a scalar field.</summary>
public sealed record LegendDescription
{
    /// <summary>Draw the legend. Default true.</summary>
    public bool Visible { get; init; } = true;

    /// <summary>About how many labelled ticks to place at round values between the end labels. Default 5.</summary>
    public int TickCount { get; init; } = 5;

    /// <summary>Integer pixel scale of the built-in 5 x 7 font; 0 picks one from the image size (1 up to 640 x 480, 2 at 1280 x 960).</summary>
    public int TextScale { get; init; }

    /// <summary>Text colour, or null for black or white, whichever contrasts with the background.</summary>
    public RgbaColor? TextColor { get; init; }
}
