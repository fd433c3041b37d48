using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

public sealed class MeshTests
{
    [Theory]
    [InlineData(false, 48)]
    [InlineData(true, 192)]
    public void ExtractSkinTriangles_Box_CoversTheSurfaceWithOutwardNormals(bool quadratic, int expectedTriangles)
    {
        var mesh = TestMeshes.Box(2, 2, 2, 1, 1, 1, quadratic, distortion: 0.2);

        var skin = mesh.ExtractSkinTriangles();

        Assert.Equal(3 * expectedTriangles, skin.Length);
        double area = 0, volume = 0;
        for (var t = 0; t < skin.Length; t += 3)
        {
            Vector3d a = mesh.Node(skin[t]), b = mesh.Node(skin[t + 1]), c = mesh.Node(skin[t + 2]);
            var n = Cross(b - a, c - a); // 2 A n
            area += 0.5 * n.Length;

            // Divergence theorem: V = (1/3) sum over faces of (x . n) A.
            volume += a.Dot(n) / 6;
        }

        // Unit cube: area 6, volume +1 (outward normals), to 1e-12.
        Assert.Equal(6, area, 1e-12);
        Assert.Equal(1, volume, 1e-12);
    }

    [Fact]
    public void Mesh_ConnectivityOutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Mesh([0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [new ElementBlock(ElementType.Tet4, [0, 1, 2, 4])]));

        Assert.Contains("node 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NodalAreas_FlatTri6_CornersGetZeroAndMidsidesAThird()
    {
        var mesh = SingleTet10();
        mesh.AddFaceSet(new FaceSet("bottom", FaceType.Tri6, [0, 2, 1, 6, 5, 4]));
        var areas = new double[mesh.NodeCount];

        var total = SurfaceIntegration.NodalAreas(mesh, mesh.FaceSets["bottom"], areas);

        // Right triangle with legs 2 and 3: area 3; exact to 1e-14.
        Assert.Equal(3, total, 1e-14);
        Assert.Equal(0, areas[0], 1e-14);
        Assert.Equal(0, areas[1], 1e-14);
        Assert.Equal(0, areas[2], 1e-14);
        Assert.Equal(1, areas[4], 1e-14);
        Assert.Equal(1, areas[5], 1e-14);
        Assert.Equal(1, areas[6], 1e-14);
    }

    [Fact]
    public void NodalAreas_Tri3_EachNodeGetsAThird()
    {
        var mesh = SingleTet10();
        mesh.AddFaceSet(new FaceSet("bottom", FaceType.Tri3, [0, 2, 1]));
        var areas = new double[mesh.NodeCount];

        SurfaceIntegration.NodalAreas(mesh, mesh.FaceSets["bottom"], areas);

        Assert.Equal(1, areas[0], 1e-14);
        Assert.Equal(1, areas[1], 1e-14);
        Assert.Equal(1, areas[2], 1e-14);
    }

    [Fact]
    public void NodalAreas_CurvedTri6_IntegratesTheCurvedArea()
    {
        // A quarter-cylinder strip of radius 1 and length 1 as one quadratic triangle pair would not be exact;
        // instead check a parabolic sheet z = x^2 over the unit right triangle against its exact area.
        double[] x = [0, 1, 0, 0.5, 0.5, 0];
        double[] y = [0, 0, 1, 0, 0.5, 0.5];
        var z = new double[6];
        for (var i = 0; i < 6; i++)
        {
            z[i] = x[i] * x[i];
        }

        // Pad with a fourth corner so the mesh has a volume element (not used by the face integral).
        var mesh = new Mesh([.. x, 0], [.. y, 0], [.. z, -1], [new ElementBlock(ElementType.Tet4, [0, 1, 2, 6])]);
        mesh.AddFaceSet(new FaceSet("sheet", FaceType.Tri6, [0, 1, 2, 3, 4, 5]));
        var areas = new double[mesh.NodeCount];

        var total = SurfaceIntegration.NodalAreas(mesh, mesh.FaceSets["sheet"], areas);

        // Exact: integral over the triangle of sqrt(1 + 4 x^2) = 0.616123... (the quadratic map is exact for
        // z = x^2); the degree-4 rule gets it to 1e-4.
        var exact = ExactParabolicArea();
        Assert.Equal(exact, total, 1e-4);
    }

    [Fact]
    public void IntegrateShape_StraightTet10_CornersMinusVOver20MidsidesVOver5()
    {
        var mesh = SingleTet10();
        Span<double> xyz = stackalloc double[30];
        Span<double> integrals = stackalloc double[10];
        ElementOperations.GatherCoordinates(mesh, mesh.ElementNodes(0), xyz);

        var volume = ElementOperations.IntegrateShape(default(Tet10Kernel), xyz, integrals);

        // Volume 2 * 3 * 4 / 6 = 4, to 1e-13.
        Assert.Equal(4, volume, 1e-13);
        for (var a = 0; a < 4; a++)
        {
            Assert.Equal(-volume / 20, integrals[a], 1e-13);
        }

        for (var a = 4; a < 10; a++)
        {
            Assert.Equal(volume / 5, integrals[a], 1e-13);
        }
    }

    private static Mesh SingleTet10()
    {
        double[] cx = [0, 2, 0, 0];
        double[] cy = [0, 0, 3, 0];
        double[] cz = [0, 0, 0, 4];
        int[] edges = [0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3];
        var x = new List<double>(cx);
        var y = new List<double>(cy);
        var z = new List<double>(cz);
        for (var k = 0; k < 6; k++)
        {
            x.Add(0.5 * (cx[edges[2 * k]] + cx[edges[(2 * k) + 1]]));
            y.Add(0.5 * (cy[edges[2 * k]] + cy[edges[(2 * k) + 1]]));
            z.Add(0.5 * (cz[edges[2 * k]] + cz[edges[(2 * k) + 1]]));
        }

        return new Mesh([.. x], [.. y], [.. z], [new ElementBlock(ElementType.Tet10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]);
    }

    private static double ExactParabolicArea()
    {
        // Integral over 0 <= x <= 1 of (1 - x) sqrt(1 + 4 x^2) dx, by composite Simpson with 20000 panels.
        const int n = 20000;
        double sum = 0;
        for (var i = 0; i <= n; i++)
        {
            var t = (double)i / n;
            var f = (1 - t) * Math.Sqrt(1 + (4 * t * t));
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }

        return sum / (3.0 * n);
    }

    private static Vector3d Cross(Vector3d a, Vector3d b) => new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));
}
