namespace TwinPlatform.Rendering;

/// <summary>Everything about one image except the mesh: size, camera, colours, overlays.</summary>
/// <remarks>An immutable record: derive variants with <c>with</c>, for example <c>RenderDescription.Default with { Width = 640, Height = 480 }</c>.</remarks>
public sealed record RenderDescription
{
    /// <summary>The defaults: 1280 x 960, white background, Turbo, automatic range, feature edges, 4x MSAA, legend.</summary>
    public static RenderDescription Default { get; } = new();

    /// <summary>Image width in pixels. Default 1280.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Image height in pixels. Default 960.</summary>
    public int Height { get; init; } = 960;

    /// <summary>The camera. Default: auto-fitted perspective view from front right, 25 degrees above.</summary>
    public CameraDescription Camera { get; init; } = new();

    /// <summary>Background colour. Default white.</summary>
    public RgbaColor Background { get; init; } = RgbaColor.White;

    /// <summary>Colour map for the scalar field. Default <see cref="ColorMapKind.Turbo"/>.</summary>
    public ColorMapKind ColorMap { get; init; } = ColorMapKind.Turbo;

    /// <summary>Values at the ends of the colour map. Default automatic (the field's range).</summary>
    public ScalarRange ScalarRange { get; init; } = ScalarRange.Auto;

    /// <summary>Number of discrete colour bands (contour-style), or 0 for a continuous map. Default 0.</summary>
    public int ColorBands { get; init; }

    /// <summary>Surface colour when the mesh has no scalar field. Default a light steel grey.</summary>
    public RgbaColor SurfaceColor { get; init; } = new(190, 194, 200);

    /// <summary>Edge lines over the surface. Default feature edges in dark grey.</summary>
    public EdgeOverlay Edges { get; init; } = new();

    /// <summary>Headlight Blinn-Phong lighting.</summary>
    public LightingDescription Lighting { get; init; } = new();

    /// <summary>Multisample anti-aliasing samples per pixel; clamped to what the driver offers (llvmpipe: 4). 1 turns it off. Default 4.</summary>
    public int SampleCount { get; init; } = 4;

    /// <summary>The colour bar legend.</summary>
    public LegendDescription Legend { get; init; } = new();

    /// <summary>A title line drawn at the top of the image, or null for none.</summary>
    public string? Title { get; init; }
}
