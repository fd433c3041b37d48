namespace TwinPlatform.Rendering;

/// <summary>How the camera projects the scene.</summary>
public enum ProjectionKind
{
    /// <summary>Perspective projection with the field of view of <see cref="CameraDescription.FieldOfViewDegrees"/>.</summary>
    Perspective,

    /// <summary>Parallel projection: sizes do not shrink with distance (engineering drawings).</summary>
    Orthographic,
}
