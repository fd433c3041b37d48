using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// Patch tests for every element type: on a distorted mesh (interior corner nodes moved by up to 20 % of the
/// cell size, straight edges), a linear displacement field (constant strain) must be reproduced exactly —
/// under displacement boundary conditions, under the matching tractions, and under the matching pressures.
/// </summary>
public sealed class PatchTests
{
    // Tolerance on strains, stresses and displacements, relative to the field's magnitude.
    private const double Relative = 1e-8;

    private static readonly IsotropicElastic Steel = new(210e9, 0.3);

    // u = u0 + B x, a general (non-symmetric) gradient: strain sym(B), plus a small rotation.
    private static readonly double[,] Gradient =
    {
        { 1.0e-3, 0.4e-3, -0.2e-3 },
        { -0.1e-3, -0.5e-3, 0.3e-3 },
        { 0.25e-3, 0.15e-3, 0.7e-3 },
    };

    private static readonly Vector3d Offset = new(1e-4, -2e-4, 3e-4);

    private static SymmetricTensor ExactStrain => new(
        Gradient[0, 0],
        Gradient[1, 1],
        Gradient[2, 2],
        0.5 * (Gradient[0, 1] + Gradient[1, 0]),
        0.5 * (Gradient[1, 2] + Gradient[2, 1]),
        0.5 * (Gradient[2, 0] + Gradient[0, 2]));

    public static TheoryData<ElementType> Types => [.. StructuredMeshes.AllTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void DisplacementPatch_LinearFieldOnBoundary_ReproducesConstantStrainEverywhere(ElementType type)
    {
        var mesh = StructuredMeshes.Box(type, 3, 3, 3, 1.0, 1.0, 1.0, distortion: 0.2, seed: 7);
        var model = new StaticModel(mesh, Steel);
        model.Prescribe("boundary", Exact);
        model.AddLoadCase("patch");
        var result = model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-14 }).LoadCases[0];

        var scale = 1e-3;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            var expected = Exact(mesh.Node(n));
            var actual = result.Displacement(n);
            Assert.True((actual - expected).Length <= Relative * scale, $"node {n}: {actual} vs {expected}");
        }

        AssertConstantFields(mesh, result, ExactStrain);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TractionPatch_ConstantStressOnSides_ReproducesConstantStress(ElementType type)
    {
        var mesh = StructuredMeshes.Box(type, 3, 3, 3, 1.0, 1.0, 1.0, distortion: 0.2, seed: 11);
        var stress = Steel.Stress(ExactStrain);

        // 3-2-1 supports that leave the free body's deformation unconstrained.
        AddSingleNodeSet(mesh, "A", new Vector3d(0, 0, 0));
        AddSingleNodeSet(mesh, "B", new Vector3d(1, 0, 0));
        AddSingleNodeSet(mesh, "C", new Vector3d(0, 1, 0));
        var model = new StaticModel(mesh, Steel);
        model.Fix("A");
        model.Fix("B", DofComponents.Y | DofComponents.Z);
        model.Fix("C", DofComponents.Z);
        var lc = model.AddLoadCase("traction");
        lc.AddSurfaceTraction("xmax", stress.Multiply(new Vector3d(1, 0, 0)))
            .AddSurfaceTraction("xmin", stress.Multiply(new Vector3d(-1, 0, 0)))
            .AddSurfaceTraction("ymax", stress.Multiply(new Vector3d(0, 1, 0)))
            .AddSurfaceTraction("ymin", stress.Multiply(new Vector3d(0, -1, 0)))
            .AddSurfaceTraction("zmax", stress.Multiply(new Vector3d(0, 0, 1)))
            .AddSurfaceTraction("zmin", stress.Multiply(new Vector3d(0, 0, -1)));
        var result = model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-14 }).LoadCases[0];

        AssertConstantFields(mesh, result, ExactStrain);

        // The loads are self-equilibrated, so the supports carry (numerically) nothing.
        var reaction = result.ReactionForce("A") + result.ReactionForce("B") + result.ReactionForce("C");
        Assert.True(reaction.Length <= 1e-6 * stress.VonMises, $"reactions {reaction}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void PressurePatch_EqualPressureOnAllSides_GivesHydrostaticStress(ElementType type)
    {
        // p on every face: sigma = -p I, strain -p (1 - 2 nu) / E on the diagonal.
        var mesh = StructuredMeshes.Box(type, 3, 2, 2, 1.0, 0.8, 0.6, distortion: 0.2, seed: 5);
        const double p = 5e6;
        AddSingleNodeSet(mesh, "A", new Vector3d(0, 0, 0));
        AddSingleNodeSet(mesh, "B", new Vector3d(1, 0, 0));
        AddSingleNodeSet(mesh, "C", new Vector3d(0, 0.8, 0));
        var model = new StaticModel(mesh, Steel);
        model.Fix("A");
        model.Fix("B", DofComponents.Y | DofComponents.Z);
        model.Fix("C", DofComponents.Z);
        var lc = model.AddLoadCase("pressure");
        foreach (var side in new[] { "xmin", "xmax", "ymin", "ymax", "zmin", "zmax" })
        {
            lc.AddPressure(side, p);
        }

        var result = model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-14 }).LoadCases[0];

        var e = -p * (1 - (2 * Steel.PoissonRatio)) / Steel.YoungsModulusPa;
        var field = result.Stresses;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            AssertTensor(new SymmetricTensor(-p, -p, -p, 0, 0, 0), field.NodalStress(n), Relative * p, $"nodal stress, node {n}");
        }

        AssertTensor(new SymmetricTensor(e, e, e, 0, 0, 0), field.PointStrain(0, 0), Relative * Math.Abs(e), "strain");
    }

    private static Vector3d Exact(Vector3d p) => Offset + new Vector3d(
        (Gradient[0, 0] * p.X) + (Gradient[0, 1] * p.Y) + (Gradient[0, 2] * p.Z),
        (Gradient[1, 0] * p.X) + (Gradient[1, 1] * p.Y) + (Gradient[1, 2] * p.Z),
        (Gradient[2, 0] * p.X) + (Gradient[2, 1] * p.Y) + (Gradient[2, 2] * p.Z));

    private static void AssertConstantFields(Mesh mesh, LoadCaseResult result, SymmetricTensor strain)
    {
        var stress = Steel.Stress(strain);
        var strainScale = 1e-3;
        var stressScale = stress.VonMises;
        var field = result.Stresses;
        for (var e = 0; e < mesh.ElementCount; e++)
        {
            for (var p = 0; p < field.PointOffsets[e + 1] - field.PointOffsets[e]; p++)
            {
                AssertTensor(strain, field.PointStrain(e, p), Relative * strainScale, $"strain, element {e} point {p}");
                AssertTensor(stress, field.PointStress(e, p), Relative * stressScale, $"stress, element {e} point {p}");
            }
        }

        for (var n = 0; n < mesh.NodeCount; n++)
        {
            AssertTensor(stress, field.NodalStress(n), Relative * stressScale, $"nodal stress, node {n}");
            Assert.Equal(stress.VonMises, result.NodalVonMises[n], Relative * stressScale);
        }
    }

    private static void AssertTensor(SymmetricTensor expected, SymmetricTensor actual, double tolerance, string where)
    {
        Span<double> e = stackalloc double[6];
        Span<double> a = stackalloc double[6];
        expected.CopyTo(e);
        actual.CopyTo(a);
        for (var k = 0; k < 6; k++)
        {
            Assert.True(Math.Abs(e[k] - a[k]) <= tolerance, $"{where}: component {k} is {a[k]:G12}, expected {e[k]:G12} (tolerance {tolerance:G3})");
        }
    }

    private static void AddSingleNodeSet(Mesh mesh, string name, Vector3d at)
    {
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if ((mesh.Node(n) - at).Length < 1e-12)
            {
                mesh.AddNodeSet(new NodeSet(name, [n]));
                return;
            }
        }

        throw new InvalidOperationException($"no node at {at}");
    }
}
