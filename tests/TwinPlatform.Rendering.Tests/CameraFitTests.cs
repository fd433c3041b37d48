using System.Numerics;
using TwinPlatform.Core.Graph;
using TwinPlatform.Rendering;
using TwinPlatform.Rendering.Geometry;

namespace TwinPlatform.Rendering.Tests;

public class CameraFitTests
{
    [Theory]
    [InlineData(ProjectionKind.Perspective, -60, 25, 4.0 / 3)]
    [InlineData(ProjectionKind.Perspective, 0, 0, 1.0)]
    [InlineData(ProjectionKind.Perspective, 30, 90, 1.6)]
    [InlineData(ProjectionKind.Orthographic, -60, 25, 4.0 / 3)]
    [InlineData(ProjectionKind.Orthographic, 135, -40, 0.7)]
    public void Compute_AutoFit_ProjectsMeshInsidePaddedViewAndFillsIt(ProjectionKind projection, double azimuth, double elevation, double aspect)
    {
        var mesh = TestMeshes.Box(0.3, 0.1, 0.05, 2);
        var camera = new CameraDescription { Projection = projection, AzimuthDegrees = azimuth, ElevationDegrees = elevation, FitPadding = 0.1 };
        var (origin, radius) = MeshPreprocessor.Bounds(mesh.Positions);

        var setup = CameraFit.Compute(mesh.Positions, origin, radius, camera, aspect);

        double xMin = 9, xMax = -9, yMin = 9, yMax = -9;
        for (var i = 0; i < mesh.VertexCount; i++)
        {
            var p = mesh.Positions.Slice(3 * i, 3);
            var local = new Vector4((float)(p[0] - origin.X), (float)(p[1] - origin.Y), (float)(p[2] - origin.Z), 1);
            var clip = Vector4.Transform(Vector4.Transform(local, setup.View), setup.Projection);
            Assert.True(clip.W > 0, "vertex behind the camera");
            Assert.InRange(clip.Z / clip.W, -1, 1);
            xMin = Math.Min(xMin, clip.X / clip.W);
            xMax = Math.Max(xMax, clip.X / clip.W);
            yMin = Math.Min(yMin, clip.Y / clip.W);
            yMax = Math.Max(yMax, clip.Y / clip.W);
        }

        // Inside [-0.9, 0.9] and centred; touching the padded edge on at least one axis.
        Assert.InRange(xMin, -0.9001, 0.9001);
        Assert.InRange(xMax, -0.9001, 0.9001);
        Assert.InRange(yMin, -0.9001, 0.9001);
        Assert.InRange(yMax, -0.9001, 0.9001);
        Assert.Equal(0, xMin + xMax, 3);
        Assert.Equal(0, yMin + yMax, 3);
        Assert.Equal(1.8, Math.Max(xMax - xMin, yMax - yMin), 3);
    }

    [Fact]
    public void Basis_DefaultCamera_IsRightHandedWithZUp()
    {
        var (eye, right, up) = CameraFit.Basis(new CameraDescription());

        Assert.Equal(1, eye.Length, 12);
        Assert.True(up.Z > 0.8, "model +z should point up on the image");
        Assert.Equal(0, right.Z, 12);

        // right x up = eye direction (towards the viewer) for a right-handed camera frame.
        var cross = new Vector3d((right.Y * up.Z) - (right.Z * up.Y), (right.Z * up.X) - (right.X * up.Z), (right.X * up.Y) - (right.Y * up.X));
        Assert.Equal(1, cross.Dot(eye), 9);
    }

    [Fact]
    public void Basis_LookingStraightDown_StillHasAnUpVector()
    {
        var (eye, right, up) = CameraFit.Basis(new CameraDescription { ElevationDegrees = 90 });

        Assert.Equal(1, eye.Z, 9);
        Assert.Equal(1, right.Length, 9);
        Assert.Equal(1, up.Length, 9);
        Assert.Equal(0, right.Dot(up), 9);
    }
}
