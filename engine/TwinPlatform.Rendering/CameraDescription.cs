using TwinPlatform.Core.Graph;

namespace TwinPlatform.Rendering;

/// <summary>Where the camera looks from and how it frames the mesh.</summary>
/// <remarks>
/// The view direction is given by <see cref="EyeDirection"/> if set, otherwise by azimuth and elevation
/// about <see cref="Up"/>. For the default up +Z, azimuth 0 looks from +X, azimuth 90 from +Y, and
/// elevation 90 from straight above. For another up axis the azimuth is measured from the axis that
/// follows it cyclically (up +Y: from +Z; up +X: from +Y).
/// </remarks>
public sealed record CameraDescription
{
    /// <summary>Azimuth of the eye about <see cref="Up"/>, degrees. Default -60 (front right for a z-up part).</summary>
    public double AzimuthDegrees { get; init; } = -60;

    /// <summary>Elevation of the eye above the plane normal to <see cref="Up"/>, degrees. Default 25.</summary>
    public double ElevationDegrees { get; init; } = 25;

    /// <summary>Direction from the target towards the eye; overrides azimuth and elevation when set. Need not be unit length.</summary>
    public Vector3d? EyeDirection { get; init; }

    /// <summary>The model direction that appears upwards on the image. Default +Z.</summary>
    public Vector3d Up { get; init; } = new(0, 0, 1);

    /// <summary>Perspective (default) or orthographic.</summary>
    public ProjectionKind Projection { get; init; } = ProjectionKind.Perspective;

    /// <summary>Vertical field of view for perspective, degrees, in (0, 120). Default 30.</summary>
    public double FieldOfViewDegrees { get; init; } = 30;

    /// <summary>
    /// Frame the whole mesh: the camera is moved along the view direction and the image window centred
    /// so the mesh's projection fills the viewport less <see cref="FitPadding"/>. Default true.
    /// When false, <see cref="Target"/> and <see cref="Distance"/> place the camera.
    /// </summary>
    public bool AutoFit { get; init; } = true;

    /// <summary>Free margin on each side of the fitted mesh, as a fraction of the viewport's half size, in [0, 0.9). Default 0.06.</summary>
    public double FitPadding { get; init; } = 0.06;

    /// <summary>Point looked at when <see cref="AutoFit"/> is false, metres; null means the bounding-box centre.</summary>
    public Vector3d? Target { get; init; }

    /// <summary>
    /// Eye-to-target distance when <see cref="AutoFit"/> is false, metres; null means 2.5 bounding-sphere
    /// radii. For orthographic projection it sets the visible half height as distance x tan(fov / 2).
    /// </summary>
    public double? Distance { get; init; }
}
