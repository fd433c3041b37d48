using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Meshing;
using Xunit.Abstractions;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// Steady conduction in a bar 0.4 m x 0.1 m x 0.05 m (k = 50 W/(m K)) against one-dimensional analytic solutions,
/// for every element type on distorted meshes.
/// </summary>
public sealed class HeatTransferTests(ITestOutputHelper output)
{
    private const double L = 0.4;
    private const double K = 50;
    private const double Area = 0.1 * 0.05;

    private static readonly SolidMaterial Steel = new("STEEL") { ConductivityWPerMK = K };

    public static TheoryData<ElementType> Types => [.. StructuredMeshes.AllTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void Solve_FixedEndAndFilm_LinearProfileExact(ElementType type)
    {
        // T(0) = 400 K; film h = 250 W/(m^2 K) to 300 K at x = L: T(x) = Ta + (Tinf - Ta) h x / (k + h L), exactly representable.
        const double ta = 400, tinf = 300, h = 250;
        var mesh = StructuredMeshes.Box(type, 4, 2, 2, L, 0.1, 0.05, distortion: 0.2, seed: 4);
        var model = new HeatTransferModel(mesh);
        model.AssignMaterial("all", Steel);
        model.FixTemperature("xmin", ta);
        model.AddFilm("xmax", h, tinf);

        var result = model.Solve();

        var slope = (tinf - ta) * h / (K + (h * L));
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            Assert.Equal(ta + (slope * mesh.X[n]), result.Temperatures[n], 1e-7 * ta);
        }

        // Flux -k dT/dx everywhere (integration points and nodes); the fixed end supplies the heat the film removes.
        var q = -K * slope;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            var v = result.Fluxes.NodalFlux(n);
            Assert.Equal(q, v.X, 1e-7 * q);
            Assert.Equal(0, v.Y, 1e-7 * q);
        }

        Assert.Equal(q, result.Fluxes.PointFlux(0, 0).X, 1e-7 * q);
        Assert.Equal(q * Area, result.HeatFlow("xmin"), 1e-7 * q * Area);
        Assert.Equal(ta + (slope * 0.25), result.TemperatureAt(new Vector3d(0.25, 0.05, 0.02)), 1e-7 * ta);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Solve_FixedEndAndSurfaceFlux_LinearProfileExact(ElementType type)
    {
        // q = 2e4 W/m^2 into the face x = L: T(x) = Ta + q x / k.
        const double ta = 300, flux = 2e4;
        var mesh = StructuredMeshes.Box(type, 4, 2, 2, L, 0.1, 0.05, distortion: 0.2, seed: 6);
        var model = new HeatTransferModel(mesh);
        model.AssignMaterial(Steel);
        model.FixTemperature("xmin", ta);
        model.AddSurfaceFlux("xmax", flux);

        var result = model.Solve();

        for (var n = 0; n < mesh.NodeCount; n++)
        {
            Assert.Equal(ta + (flux * mesh.X[n] / K), result.Temperatures[n], 1e-7 * ta);
        }

        Assert.Equal(-flux * Area, result.HeatFlow("xmin"), 1e-7 * flux * Area);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Solve_VolumetricHeatBothEndsFixed_ParabolicProfile(ElementType type)
    {
        // Q = 1e6 W/m^3, T(0) = T(L) = 300 K: T(x) = 300 + Q x (L - x) / (2 k), peak 700 K at mid-length.
        const double q = 1e6, t0 = 300;
        var mesh = StructuredMeshes.Box(type, 8, 2, 2, L, 0.1, 0.05, distortion: 0.2, seed: 8);
        var model = new HeatTransferModel(mesh);
        model.AssignMaterial(Steel);
        model.FixTemperature("xmin", t0);
        model.FixTemperature("xmax", t0);
        model.AddVolumetricHeat("all", q);

        var result = model.Solve();

        var rise = q * L * L / (8 * K);
        var worst = 0.0;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            var x = mesh.X[n];
            worst = Math.Max(worst, Math.Abs(result.Temperatures[n] - (t0 + (q * x * (L - x) / (2 * K)))) / rise);
        }

        output.WriteLine($"{type}: largest nodal error {100 * worst:F4} % of the 400 K rise");

        // Tolerance: Tet10 holds the parabola exactly (1e-7, straight-sided); the serendipity hexahedra and wedges
        // on distorted (trilinear) geometry do not contain x^2 exactly: 0.1 % of the rise; linear elements 1 %.
        var tolerance = type switch
        {
            ElementType.Tet10 => 1e-7,
            ElementType.Hex20 or ElementType.Hex20Reduced or ElementType.Wedge15 => 1e-3,
            _ => 1e-2,
        };
        Assert.True(worst < tolerance, $"error {worst:G3} of the rise");
        Assert.Equal(-q * L * Area, result.HeatFlow("xmin") + result.HeatFlow("xmax"), 1e-7 * q * L * Area);
    }

    [Fact]
    public void Solve_NoFixedTemperatureNoFilm_ThrowsNamingTheMissingCondition()
    {
        var model = new HeatTransferModel(StructuredMeshes.Box(ElementType.Hex8, 2, 1, 1, 1, 1, 1));
        model.AssignMaterial(Steel);
        model.AddSurfaceFlux("xmax", 100);

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("no fixed temperature", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_MaterialWithoutConductivity_ThrowsNamingMaterialAndProperty()
    {
        var model = new HeatTransferModel(StructuredMeshes.Box(ElementType.Hex8, 2, 1, 1, 1, 1, 1));
        model.AssignMaterial(new SolidMaterial("GLASS") { YoungsModulusPa = 70e9, PoissonRatio = 0.22 });
        model.FixTemperature("xmin", 300);

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("'GLASS'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("conductivity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_ElementWithoutMaterial_ThrowsNamingTheElements()
    {
        var mesh = StructuredMeshes.Box(ElementType.Hex8, 2, 1, 1, 1, 1, 1);
        mesh.AddElementSet(new ElementSet("left", [0]));
        var model = new HeatTransferModel(mesh);
        model.AssignMaterial("left", Steel);
        model.FixTemperature("xmin", 300);

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("element 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no material", ex.Message, StringComparison.Ordinal);
    }
}
