namespace TwinPlatform.Rendering;

/// <summary>Lines drawn over the shaded surface.</summary>
public sealed record EdgeOverlay
{
    /// <summary>Which edges to draw. Default <see cref="EdgeOverlayMode.FeatureEdges"/>.</summary>
    public EdgeOverlayMode Mode { get; init; } = EdgeOverlayMode.FeatureEdges;

    /// <summary>Line colour. Default a dark grey.</summary>
    public RgbaColor Color { get; init; } = new(40, 40, 40);

    /// <summary>Line opacity in 0..1 (blended over the surface). Default 0.85.</summary>
    public double Opacity { get; init; } = 0.85;
}
