using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Results;

namespace TwinPlatform.Simulation.Tests;

public sealed class ProbeTests
{
    private static readonly IsotropicElastic Steel = new(210e9, 0.3);

    private static readonly Lazy<LoadCaseResult> LinearField = new(() =>
    {
        var mesh = TestMeshes.Box(3, 3, 3, 1.0, 1.0, 1.0, quadratic: true, distortion: 0.2, seed: 5);
        var model = new StaticModel(mesh, Steel);
        model.Prescribe("boundary", Field);
        model.AddLoadCase("linear");
        return model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-14 }).LoadCases[0];
    });

    [Fact]
    public void Probe_RandomPointsInLinearField_ReproducesDisplacementAndStrainExactly()
    {
        var result = LinearField.Value;
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var p = new Vector3d(random.NextDouble(), random.NextDouble(), random.NextDouble());

            var probe = result.Probe(p);

            // Displacement to 1e-12 m (field magnitude 1e-3 m); strain to 1e-11 (magnitude 1e-3).
            Assert.True((probe.Displacement - Field(p)).Length < 1e-12, $"at {p}: {probe.Displacement} vs {Field(p)}");
            Assert.Equal(1e-3, probe.Strain.XX, 1e-11);
            Assert.Equal(-0.5e-3, probe.Strain.YY, 1e-11);
            Assert.Equal(0.2e-3, probe.Strain.ZZ, 1e-11);
            Assert.Equal(0.2e-3, probe.Strain.XY, 1e-11);
            Assert.Equal(0, probe.Strain.YZ, 1e-11);
            Assert.Equal(0, probe.Strain.ZX, 1e-11);

            // Gauge along (1, 1, 0)/sqrt 2: (exx + eyy)/2 + exy.
            Assert.Equal(0.45e-3, probe.NormalStrain(new Vector3d(1, 1, 0)), 1e-11);
        }
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(1.0, 0.5, 0.5)]
    [InlineData(0.3, 1.0, 0.2)]
    [InlineData(1.0, 1.0, 1.0)]
    [InlineData(1.0000000001, 0.5, 0.5)]
    public void Probe_PointOnOrWithinToleranceOfBoundary_IsAccepted(double x, double y, double z)
    {
        var p = new Vector3d(x, y, z);

        var probe = LinearField.Value.Probe(p);

        // Within 1e-9 m of the linear field (the point may sit up to 1e-10 m outside).
        Assert.True((probe.Displacement - Field(p)).Length < 1e-9);
    }

    [Fact]
    public void Probe_PointOutsideMesh_ThrowsWithDistance()
    {
        var ex = Assert.Throws<PointOutsideMeshException>(() => LinearField.Value.Probe(new Vector3d(1.5, 0.5, 0.5)));

        // The nearest boundary point is (1, 0.5, 0.5): distance 0.5 m to 1e-12.
        Assert.Equal(0.5, ex.DistanceM, 1e-12);
        Assert.Contains("(1.5, 0.5, 0.5)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("outside the mesh: 0.5 m", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_FarAwayPoint_ThrowsWithDistance()
    {
        var ex = Assert.Throws<PointOutsideMeshException>(() => LinearField.Value.Probe(new Vector3d(-3, 0.5, 0.5)));

        Assert.Equal(3, ex.DistanceM, 1e-12);
    }

    [Fact]
    public void InverseMap_CurvedTet10_RecoversNaturalCoordinates()
    {
        // A quadratic tetrahedron with three bent edges.
        double[] xyz =
        [
            0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1,
            0.5, -0.1, 0.05, 0.55, 0.55, 0.1, 0, 0.5, 0, 0, 0, 0.5, 0.5, 0.1, 0.45, 0, 0.5, 0.5,
        ];
        var kernel = default(Tet10Kernel);
        Span<double> natural = stackalloc double[3];
        var random = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            double r = random.NextDouble(), s = random.NextDouble() * (1 - r), t = random.NextDouble() * (1 - r - s);
            var p = ElementOperations.Position(kernel, xyz, r, s, t);

            Assert.True(ElementOperations.InverseMap(kernel, xyz, p, natural));

            // Newton converges to 1e-12 in natural coordinates.
            Assert.Equal(r, natural[0], 1e-12);
            Assert.Equal(s, natural[1], 1e-12);
            Assert.Equal(t, natural[2], 1e-12);
        }
    }

    [Fact]
    public void Locate_EveryElementCentroid_FindsThatElement()
    {
        var mesh = TestMeshes.Box(4, 3, 2, 0.4, 0.3, 0.2, quadratic: false, distortion: 0.2);
        var locator = new MeshLocator(mesh);
        for (var e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            var c = 0.25 * (mesh.Node(nodes[0]) + mesh.Node(nodes[1]) + mesh.Node(nodes[2]) + mesh.Node(nodes[3]));

            var location = locator.Locate(c);

            Assert.Equal(e, location.Element);
            Assert.Equal(0.25, location.R, 1e-12);
        }
    }

    private static Vector3d Field(Vector3d p) => new(
        1e-4 + (1e-3 * p.X) + (0.6e-3 * p.Y),
        -2e-4 - (0.2e-3 * p.X) - (0.5e-3 * p.Y),
        3e-4 + (0.2e-3 * p.Z));
}
