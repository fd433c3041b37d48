using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// Thermal strain alpha (T - T0) for every element type: a free bar heated uniformly expands by alpha dT L without
/// stress; a fully clamped block heated uniformly carries sigma = -E alpha dT / (1 - 2 nu) in every direction.
/// Both are exact in the discrete model (distorted meshes), so the tolerance is 1e-8 relative.
/// </summary>
public sealed class ThermalStressTests
{
    private const double E = 210e9;
    private const double Nu = 0.3;
    private const double Alpha = 1.2e-5;
    private const double T0 = 293.15;
    private const double DeltaT = 80;

    private static readonly SolidMaterial Steel = new("STEEL") { YoungsModulusPa = E, PoissonRatio = Nu, ThermalExpansionPerK = Alpha };

    public static TheoryData<ElementType> Types => [.. StructuredMeshes.AllTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void Solve_FreeBarHeatedUniformly_ExpandsWithoutStress(ElementType type)
    {
        const double length = 0.5;
        var mesh = StructuredMeshes.Box(type, 4, 2, 2, length, 0.1, 0.08, distortion: 0.2, seed: 3);
        StructuredMeshes.AddPointSet(mesh, "A", 0, 0, 0);
        StructuredMeshes.AddPointSet(mesh, "B", length, 0, 0);
        StructuredMeshes.AddPointSet(mesh, "C", 0, 0.1, 0);
        var model = new StaticModel(mesh);
        model.AssignMaterial("all", Steel);
        model.Fix("A");
        model.Fix("B", DofComponents.Y | DofComponents.Z);
        model.Fix("C", DofComponents.Z);
        model.SetInitialTemperature(T0);
        var heated = Uniform(mesh, T0 + DeltaT);
        model.AddLoadCase("heat").SetTemperatures(heated);

        var result = model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-13 }).LoadCases[0];

        // u = alpha dT x everywhere (the supports only remove rigid motion).
        var strain = Alpha * DeltaT;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            var u = result.Displacement(n);
            Assert.Equal(strain * mesh.X[n], u.X, 1e-8 * strain * length);
            Assert.Equal(strain * mesh.Y[n], u.Y, 1e-8 * strain * length);
            Assert.Equal(strain * mesh.Z[n], u.Z, 1e-8 * strain * length);
        }

        var scale = E * strain;
        foreach (var s in result.Stresses.NodalStresses)
        {
            Assert.True(Math.Abs(s) <= 1e-7 * scale, $"stress {s:G3} Pa in a free bar");
        }

        Assert.Equal(strain * length, result.DisplacementAt(new(length, 0.05, 0.04)).X, 1e-8 * strain * length);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Solve_ClampedBlockHeatedUniformly_HydrostaticStressMinusEAlphaDeltaTOverOneMinusTwoNu(ElementType type)
    {
        var mesh = StructuredMeshes.Box(type, 3, 3, 2, 0.3, 0.3, 0.2, distortion: 0.2, seed: 9);
        var model = new StaticModel(mesh);
        model.AssignMaterial("all", Steel);
        model.Fix("boundary");
        model.SetInitialTemperatures(Uniform(mesh, T0));
        model.AddLoadCase("heat").SetTemperatures(Uniform(mesh, T0 + DeltaT));

        var result = model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-13 }).LoadCases[0];

        var expected = -E * Alpha * DeltaT / (1 - (2 * Nu));
        var field = result.Stresses;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            var s = field.NodalStress(n);
            Assert.Equal(expected, s.XX, 1e-8 * Math.Abs(expected));
            Assert.Equal(expected, s.YY, 1e-8 * Math.Abs(expected));
            Assert.Equal(expected, s.ZZ, 1e-8 * Math.Abs(expected));
            Assert.Equal(0, s.XY, 1e-8 * Math.Abs(expected));
            Assert.Equal(0, result.Displacements[3 * n], 1e-12);
        }

        for (var p = 0; p < field.PointStresses.Length / 6; p++)
        {
            Assert.Equal(expected, field.PointStresses[6 * p], 1e-8 * Math.Abs(expected));
        }

        // Probe and principal stresses agree; the reactions balance (zero net force).
        Assert.Equal(expected, result.Probe(new(0.15, 0.15, 0.1)).Stress.YY, 1e-8 * Math.Abs(expected));
        Assert.Equal(expected, field.NodalPrincipalStresses[0], 1e-8 * Math.Abs(expected));
        Assert.True(result.ReactionForce("boundary").Length < 1e-6 * Math.Abs(expected) * 0.09);
    }

    [Fact]
    public void Solve_TemperaturesWithoutExpansionCoefficient_ThrowsNamingMaterialAndProperty()
    {
        var mesh = StructuredMeshes.Box(ElementType.Hex8, 2, 1, 1, 1, 0.5, 0.5);
        var model = new StaticModel(mesh);
        model.AssignMaterial("all", new SolidMaterial("RUBBER") { YoungsModulusPa = 1e7, PoissonRatio = 0.45 });
        model.Fix("xmin");
        model.SetInitialTemperature(T0);
        model.AddLoadCase("heat").SetTemperatures(Uniform(mesh, T0 + 10));

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("'RUBBER'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("thermal expansion", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_TemperaturesWithoutInitialTemperatures_ThrowsNamingTheMissingInitialConditions()
    {
        var mesh = StructuredMeshes.Box(ElementType.Hex8, 2, 1, 1, 1, 0.5, 0.5);
        var model = new StaticModel(mesh);
        model.AssignMaterial("all", Steel);
        model.Fix("xmin");
        model.AddLoadCase("heat").SetTemperatures(Uniform(mesh, T0 + 10));

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("initial", ex.Message, StringComparison.Ordinal);
    }

    private static double[] Uniform(Mesh mesh, double value)
    {
        var t = new double[mesh.NodeCount];
        Array.Fill(t, value);
        return t;
    }
}
