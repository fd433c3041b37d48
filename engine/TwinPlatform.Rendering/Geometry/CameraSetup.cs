using System.Numerics;

namespace TwinPlatform.Rendering.Geometry;

/// <summary>View and projection matrices for one frame, in System.Numerics row-vector layout (which is the column-major layout GL expects).</summary>
/// <param name="View">Maps positions relative to the mesh origin to eye space (camera looks down -z).</param>
/// <param name="Projection">Maps eye space to GL clip space (depth -1..1).</param>
/// <param name="Orthographic">True for a parallel projection (the eye direction is constant).</param>
internal readonly record struct CameraSetup(Matrix4x4 View, Matrix4x4 Projection, bool Orthographic);
