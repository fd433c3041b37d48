using TwinPlatform.Rendering;
using TwinPlatform.Rendering.Geometry;

namespace TwinPlatform.Rendering.Tests;

public class MeshPreprocessorTests
{
    /// <summary>A unit cube with 8 shared corners and 12 outward-wound triangles.</summary>
    private static SurfaceMeshDescription SharedCube(double creaseDegrees)
    {
        double[] p =
        [
            0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0,
            0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1,
        ];
        int[] t =
        [
            0, 2, 1, 0, 3, 2, // z = 0
            4, 5, 6, 4, 6, 7, // z = 1
            0, 1, 5, 0, 5, 4, // y = 0
            3, 7, 6, 3, 6, 2, // y = 1
            0, 4, 7, 0, 7, 3, // x = 0
            1, 2, 6, 1, 6, 5, // x = 1
        ];
        return new SurfaceMeshDescription(p, t) { CreaseAngleDegrees = creaseDegrees };
    }

    [Fact]
    public void Prepare_CubeWithSharpEdges_SplitsEachCornerIntoThreeFlatVertices()
    {
        var prepared = MeshPreprocessor.Prepare(SharedCube(30));

        Assert.Equal(24, prepared.RenderVertexCount);
        Assert.Equal(12, prepared.FeatureEdges.Length / 2);
        Assert.Equal(18, prepared.AllEdges.Length / 2);
        for (var v = 0; v < prepared.RenderVertexCount; v++)
        {
            // Flat faces of an axis-aligned cube: every normal is a unit axis.
            var n = Normal(prepared, v);
            Assert.Equal(1.0, Math.Abs(n.X) + Math.Abs(n.Y) + Math.Abs(n.Z), 6);
        }
    }

    [Fact]
    public void Prepare_CubeSmoothedEverywhere_CornerNormalsAreDiagonalByAngleWeighting()
    {
        var prepared = MeshPreprocessor.Prepare(SharedCube(180));

        // Each face meets a corner at 90 degrees in total however it is split into triangles, so the
        // angle-weighted normal is exactly the diagonal (a plain or area average would not be).
        Assert.Equal(8, prepared.RenderVertexCount);
        Assert.Empty(prepared.FeatureEdges);
        var inv = 1 / Math.Sqrt(3);
        var n0 = Normal(prepared, 0);
        Assert.Equal(-inv, n0.X, 6);
        Assert.Equal(-inv, n0.Y, 6);
        Assert.Equal(-inv, n0.Z, 6);
    }

    [Fact]
    public void Prepare_SmoothSphere_NeedsNoSplitAndHasNoFeatureEdges()
    {
        var sphere = TestMeshes.Sphere(1, 24, 48);
        var prepared = MeshPreprocessor.Prepare(sphere);

        Assert.Equal(sphere.VertexCount, prepared.RenderVertexCount);
        Assert.Empty(prepared.FeatureEdges);
        for (var v = 0; v < prepared.RenderVertexCount; v++)
        {
            // Normals of a sphere point along the position.
            var n = Normal(prepared, v);
            var src = prepared.SourceVertex[v];
            var p = sphere.Positions.Slice(3 * src, 3);
            var dot = (n.X * p[0]) + (n.Y * p[1]) + (n.Z * p[2]);
            Assert.True(dot > 0.99, $"vertex {src}: normal . position = {dot}");
        }
    }

    [Fact]
    public void Prepare_FlatSquare_BoundaryEdgesAreFeatures()
    {
        var square = new SurfaceMeshDescription([0.0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0], [0, 1, 2, 0, 2, 3]);
        var prepared = MeshPreprocessor.Prepare(square);

        Assert.Equal(4, prepared.RenderVertexCount);
        Assert.Equal(4, prepared.FeatureEdges.Length / 2);
        Assert.Equal(5, prepared.AllEdges.Length / 2);
    }

    [Fact]
    public void Prepare_DegenerateTriangle_IsDropped()
    {
        var mesh = new SurfaceMeshDescription([0.0, 0, 0, 1, 0, 0, 1, 1, 0, 2, 0, 0], [0, 1, 2, 0, 1, 3]);
        var prepared = MeshPreprocessor.Prepare(mesh);

        Assert.Equal(3, prepared.Triangles.Length);
    }

    [Fact]
    public void Prepare_FarFromOrigin_KeepsSinglePrecisionResolution()
    {
        // A 1 mm triangle 1000 km from the origin: floats of absolute coordinates would resolve only ~6 cm.
        const double offset = 1e6;
        var mesh = new SurfaceMeshDescription([offset, offset, 0, offset + 1e-3, offset, 0, offset, offset + 1e-3, 0], [0, 1, 2]);
        var prepared = MeshPreprocessor.Prepare(mesh);

        Assert.Equal(offset + 5e-4, prepared.Origin.X, 9);
        Assert.Equal(1e-3, prepared.Vertices[6] - prepared.Vertices[0], 7);
    }

    private static (double X, double Y, double Z) Normal(PreparedMesh prepared, int v) =>
        (prepared.Vertices[(6 * v) + 3], prepared.Vertices[(6 * v) + 4], prepared.Vertices[(6 * v) + 5]);
}
