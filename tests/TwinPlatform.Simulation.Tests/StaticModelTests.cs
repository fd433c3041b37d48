using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

public sealed class StaticModelTests
{
    private static readonly IsotropicElastic Steel = new(210e9, 0.3, densityKgPerM3: 7850);

    [Fact]
    public void Solve_NoSupports_ThrowsNamingTheMissingConstraint()
    {
        var model = new StaticModel(TestMeshes.Box(2, 2, 2, 1, 1, 1, quadratic: false), Steel);
        model.AddSurfaceForce("xmax", new Vector3d(1, 0, 0), 1);

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("no supports", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rigid-body", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_SupportOnOneEdgeLine_ThrowsNamingTheFreeRotation()
    {
        // Fixing the nodes of the edge y = 0, z = 0 leaves the rotation about that x-directed line free.
        var mesh = TestMeshes.Box(2, 2, 2, 1, 1, 1, quadratic: false);
        var edge = new List<int>();
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if (mesh.Y[n] == 0 && mesh.Z[n] == 0)
            {
                edge.Add(n);
            }
        }

        mesh.AddNodeSet(new NodeSet("edge", edge));
        var model = new StaticModel(mesh, Steel);
        model.Fix("edge");
        model.AddSurfaceForce("ymax", new Vector3d(0, 0, 1), 1);

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("1 rigid-body motion free: rotation about an axis along x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_SymmetrySupportsOnly_ThrowsNamingTheFreeTranslation()
    {
        // Rollers (x fixed) on xmin and (y fixed) on ymin leave translation along z free.
        var model = new StaticModel(TestMeshes.Box(2, 2, 2, 1, 1, 1, quadratic: false), Steel);
        model.Fix("xmin", DofComponents.X);
        model.Fix("ymin", DofComponents.Y);
        model.AddSurfaceForce("xmax", new Vector3d(1, 0, 0), 1);

        var ex = Assert.Throws<ModelException>(() => model.Solve());

        Assert.Contains("translation along z", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_UnknownSet_ThrowsListingKnownSets()
    {
        var model = new StaticModel(TestMeshes.Box(1, 1, 1, 1, 1, 1, quadratic: false), Steel);

        var ex = Assert.Throws<ArgumentException>(() => model.Fix("wal"));

        Assert.Contains("'wal'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("xmin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_GravityAndSurfaceLoad_ReactionsBalanceAppliedForces()
    {
        var mesh = TestMeshes.Box(4, 2, 2, 0.4, 0.1, 0.1, quadratic: true, distortion: 0.1);
        var model = new StaticModel(mesh, Steel);
        model.Fix("xmin");
        var gravity = model.AddLoadCase("gravity").AddBodyAcceleration(new Vector3d(0, 0, -9.81));
        var push = model.AddSurfaceForce("xmax", new Vector3d(1, 2, -1), 500);

        var results = model.Solve();

        // Weight = rho g V; equilibrium to 1e-6 relative (solver tolerance 1e-8).
        var weight = 7850 * 9.81 * 0.4 * 0.1 * 0.1;
        var r = results[gravity].ReactionForce("xmin");
        Assert.Equal(weight, r.Z, weight * 1e-6);
        Assert.Equal(0, r.X, weight * 1e-6);
        var applied = new Vector3d(1, 2, -1).Normalized();
        var r2 = results["xmax"].ReactionForce("xmin");
        Assert.Equal(-500 * applied.X, r2.X, 500 * 1e-6);
        Assert.Equal(-500 * applied.Y, r2.Y, 500 * 1e-6);
        Assert.Equal(-500 * applied.Z, r2.Z, 500 * 1e-6);
        Assert.Same(results[push], results.LoadCases[1]);
        Assert.Equal(2, results.Statistics.TotalIterations > 0 ? results.LoadCases.Count : 0);
    }

    [Fact]
    public void Solve_TwoUnitLoadCases_SuperposeToTheCombinedCase()
    {
        var mesh = TestMeshes.Box(4, 2, 2, 0.4, 0.1, 0.1, quadratic: true);
        var model = new StaticModel(mesh, Steel);
        model.Fix("xmin");
        var a = model.AddSurfaceForce("xmax", new Vector3d(0, 0, 1), 1, "a");
        var b = model.AddSurfaceForce("zmax", new Vector3d(0, 1, 0), 1, "b");
        var both = model.AddLoadCase("both").AddSurfaceForce("xmax", new Vector3d(0, 0, 1), 3).AddSurfaceForce("zmax", new Vector3d(0, 1, 0), -2);

        var results = model.Solve(new StaticSolveOptions { RelativeTolerance = 1e-11 });

        // Linearity: 3 a - 2 b = both, to 1e-8 of the largest displacement (solver tolerance 1e-11).
        var ua = results[a].Displacements;
        var ub = results[b].Displacements;
        var uc = results[both].Displacements;
        var scale = 0.0;
        foreach (var v in uc)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (var i = 0; i < uc.Length; i++)
        {
            Assert.Equal(uc[i], (3 * ua[i]) - (2 * ub[i]), 1e-8 * scale);
        }
    }

    [Fact]
    public void Assemble_OneAndTwoThreads_GiveBitwiseEqualMatrices()
    {
        var mesh = TestMeshes.Box(4, 4, 4, 1, 1, 1, quadratic: true, distortion: 0.2);
        var adjacency = NodeAdjacency.Build(mesh);
        var active = new bool[mesh.NodeCount];
        Array.Fill(active, true);
        var constrained = new bool[3 * mesh.NodeCount];
        foreach (var n in mesh.NodeSets["xmin"].Nodes)
        {
            constrained[3 * n] = constrained[(3 * n) + 1] = constrained[(3 * n) + 2] = true;
        }

        var dofs = DofMap.Create(mesh, active, constrained, new double[3 * mesh.NodeCount], NodeOrdering.ReverseCuthillMcKee(adjacency));
        var coloring = ElementColoring.Build(mesh);
        var one = StiffnessSystem.CreatePattern(adjacency, dofs);
        var two = StiffnessSystem.CreatePattern(adjacency, dofs);

        StiffnessAssembler.Assemble(one, mesh, coloring, Steel.LambdaPa, Steel.ShearModulusPa, 1);
        StiffnessAssembler.Assemble(two, mesh, coloring, Steel.LambdaPa, Steel.ShearModulusPa, 2);

        Assert.Equal(one.Free.Values, two.Free.Values);
        Assert.Equal(one.ConstrainedRows.Values, two.ConstrainedRows.Values);

        // The free matrix is symmetric.
        var p = one.Free.Pattern;
        for (var r = 0; r < p.RowCount; r++)
        {
            for (var k = p.RowPointers[r]; k < p.RowPointers[r + 1]; k++)
            {
                Assert.Equal(one.Free.Values[k], one.Free[p.ColumnIndices[k], r], 1e-6 * Math.Abs(one.Free.Values[k]));
            }
        }
    }

    [Fact]
    public void ElementColoring_NoColourSharesANode()
    {
        var mesh = TestMeshes.Box(3, 3, 3, 1, 1, 1, quadratic: true);
        var coloring = ElementColoring.Build(mesh);

        for (var c = 0; c < coloring.ColorCount; c++)
        {
            var seen = new HashSet<int>();
            for (var k = coloring.ColorPointers[c]; k < coloring.ColorPointers[c + 1]; k++)
            {
                foreach (var n in mesh.ElementNodes(coloring.Elements[k]))
                {
                    Assert.True(seen.Add(n), $"colour {c} has two elements at node {n}");
                }
            }
        }

        Assert.Equal(mesh.ElementCount, coloring.Elements.Length);
    }
}
