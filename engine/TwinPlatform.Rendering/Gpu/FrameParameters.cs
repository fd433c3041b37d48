using System.Numerics;
using TwinPlatform.Rendering.Imaging;

namespace TwinPlatform.Rendering.Gpu;

/// <summary>Everything the render thread needs to draw one frame, resolved from a <see cref="RenderDescription"/> on the caller's thread.</summary>
internal readonly record struct FrameParameters
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int SampleCount { get; init; }

    /// <summary>Where the mesh is drawn, in image pixels (top-left origin).</summary>
    public required PixelRect Viewport { get; init; }

    public required Matrix4x4 View { get; init; }

    public required Matrix4x4 Projection { get; init; }

    public required bool Orthographic { get; init; }

    public required RgbaColor Background { get; init; }

    public required bool HasScalar { get; init; }

    public required ColorMapKind ColorMap { get; init; }

    public required double ScalarMinimum { get; init; }

    public required double ScalarMaximum { get; init; }

    public required int ColorBands { get; init; }

    public required RgbaColor SurfaceColor { get; init; }

    public required Vector4 Lighting { get; init; }

    public required EdgeOverlayMode EdgeMode { get; init; }

    public required Vector4 EdgeColor { get; init; }
}
