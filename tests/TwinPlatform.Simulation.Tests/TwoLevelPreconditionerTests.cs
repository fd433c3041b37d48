using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Solvers;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// The two-level p-multigrid preconditioner and its pieces: the linear coarse space, the Galerkin product, the
/// single-precision grouped matrix, and whole solves against the IC(0) path on small quadratic meshes.
/// </summary>
public sealed class TwoLevelPreconditionerTests
{
    [Theory]
    [InlineData(ElementType.Tet10)]
    [InlineData(ElementType.Hex20)]
    [InlineData(ElementType.Wedge15)]
    public void Solve_QuadraticBoxUnderEndLoad_MatchesIncompleteCholeskyPath(ElementType type)
    {
        var mesh = StructuredMeshes.Box(type, 8, 3, 3, 0.4, 0.1, 0.1, distortion: 0.15, seed: 3);
        var ic = SolveBox(mesh, PreconditionerKind.IncompleteCholesky);
        var mg = SolveBox(mesh, PreconditionerKind.Multigrid);

        Assert.Equal(PreconditionerKind.Multigrid, mg.Statistics.Preconditioner);
        var a = ic.LoadCases[0].Displacements;
        var b = mg.LoadCases[0].Displacements;
        var scale = 0.0;
        var difference = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i]));
            difference = Math.Max(difference, Math.Abs(a[i] - b[i]));
        }

        // Both solves stop at relative residual 1e-10: the displacements agree to 1e-7 of the largest one.
        Assert.True(difference <= 1e-7 * scale, $"max difference {difference:G3} against max displacement {scale:G3}");
        Assert.True(mg.Statistics.TotalIterations < ic.Statistics.TotalIterations, $"multigrid {mg.Statistics.TotalIterations} iterations, IC(0) {ic.Statistics.TotalIterations}");
    }

    [Fact]
    public void Solve_LinearMesh_FallsBackToIncompleteCholesky()
    {
        var mesh = StructuredMeshes.Box(ElementType.Tet4, 6, 2, 2, 0.3, 0.1, 0.1);
        var results = SolveBox(mesh, PreconditionerKind.Multigrid);

        Assert.Equal(PreconditionerKind.IncompleteCholesky, results.Statistics.Preconditioner);
    }

    [Fact]
    public void Solve_MultigridPreconditionedSystem_ResidualMeetsTolerance()
    {
        var (system, dofs, mesh) = Assemble(StructuredMeshes.Box(ElementType.Tet10, 6, 3, 3, 0.3, 0.1, 0.1, distortion: 0.1));
        var prolongation = LinearCoarseSpace.TryCreate(mesh, dofs)!;
        var preconditioner = new TwoLevelPreconditioner(prolongation, 2);
        preconditioner.Initialize(system.Free);
        var n = system.Free.RowCount;
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            b[i] = Math.Sin(i * 0.37) + 0.25;
        }

        var x = new double[n];
        var result = new ConjugateGradientSolver(2).Solve(system.Free, b, x, preconditioner, new ResidualStopCriterion(1e-10, 500));
        var ax = new double[n];
        SparseAlgebra.Multiply(system.Free, x, ax);
        var residual = 0.0;
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            residual += (b[i] - ax[i]) * (b[i] - ax[i]);
            norm += b[i] * b[i];
        }

        // ||b - A x|| / ||b|| <= 1e-10 (the stop criterion), checked independently of the solver.
        Assert.True(Math.Sqrt(residual / norm) <= 1e-10, $"relative residual {Math.Sqrt(residual / norm):G3}");
        Assert.True(result.Iterations < 60, $"{result.Iterations} iterations");
        Assert.True(preconditioner.CoarseSize < n / 3);
    }

    [Fact]
    public void TryCreate_Tet10Mesh_ProlongationReproducesLinearFields()
    {
        var (_, dofs, mesh) = Assemble(StructuredMeshes.Box(ElementType.Tet10, 4, 2, 2, 0.2, 0.1, 0.1));
        var p = LinearCoarseSpace.TryCreate(mesh, dofs)!;

        // A linear field u = (x + 2y - z, 0, 0) sampled at the coarse (corner) unknowns, prolonged, equals the
        // field at every fine node whose parents are free (elimination drops constrained parents).
        var coarse = new double[p.ColumnCount];
        var fine = new double[p.RowCount];
        var dofOfEquation = new int[dofs.FreeCount];
        for (var dof = 0; dof < dofs.Equations.Length; dof++)
        {
            if (dofs.Equations[dof] >= 0)
            {
                dofOfEquation[dofs.Equations[dof]] = dof;
            }
        }

        for (var r = 0; r < p.RowCount; r++)
        {
            if (p.Pattern.RowPointers[r + 1] - p.Pattern.RowPointers[r] == 1 && p.Values[p.Pattern.RowPointers[r]] == 1.0)
            {
                coarse[p.Pattern.ColumnIndices[p.Pattern.RowPointers[r]]] = Field(mesh, dofOfEquation[r]);
            }
        }

        SparseAlgebra.Multiply(p, coarse, fine);
        var checkedRows = 0;
        for (var r = 0; r < p.RowCount; r++)
        {
            var weights = 0.0;
            for (var k = p.Pattern.RowPointers[r]; k < p.Pattern.RowPointers[r + 1]; k++)
            {
                weights += p.Values[k];
            }

            if (weights == 1.0)
            {
                Assert.Equal(Field(mesh, dofOfEquation[r]), fine[r], 1e-12);
                checkedRows++;
            }
        }

        Assert.True(checkedRows > p.ColumnCount);
    }

    [Fact]
    public void Multiply_GalerkinProduct_MatchesDenseTripleProduct()
    {
        var (system, dofs, mesh) = Assemble(StructuredMeshes.Box(ElementType.Tet10, 2, 1, 1, 0.2, 0.1, 0.1));
        var a = system.Free;
        var p = LinearCoarseSpace.TryCreate(mesh, dofs)!;
        var coarse = GalerkinProduct.Multiply(GalerkinProduct.Transpose(p), a, p, 2);
        var n = a.RowCount;
        var m = p.ColumnCount;
        var scale = 0.0;
        foreach (var v in a.Values)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var expected = 0.0;
                for (var r = 0; r < n; r++)
                {
                    var pri = p[r, i];
                    if (pri == 0)
                    {
                        continue;
                    }

                    for (var s = 0; s < n; s++)
                    {
                        expected += pri * a[r, s] * p[s, j];
                    }
                }

                // Sums of the same products in another order: 1e-12 of the largest entry of A.
                Assert.Equal(expected, coarse[i, j], 1e-12 * scale);
            }
        }
    }

    [Fact]
    public void Multiply_RowGroupedMatrix_MatchesDoubleCsrToSinglePrecision()
    {
        var (system, _, _) = Assemble(StructuredMeshes.Box(ElementType.Tet10, 5, 3, 3, 0.3, 0.1, 0.1, distortion: 0.1));
        var a = system.Free;
        var grouped = new RowGroupedMatrix(a, 2);
        var n = a.RowCount;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Cos(0.1 * i);
        }

        var expected = new double[n];
        var actual = new double[n];
        SparseAlgebra.Multiply(a, x, expected);
        grouped.Multiply(x, actual);
        for (var r = 0; r < n; r++)
        {
            // Single-precision values: each product carries a relative error of at most 2^-24 of |a_ij x_j|.
            var bound = 0.0;
            for (var k = a.Pattern.RowPointers[r]; k < a.Pattern.RowPointers[r + 1]; k++)
            {
                bound += Math.Abs(a.Values[k] * x[a.Pattern.ColumnIndices[k]]);
            }

            Assert.True(Math.Abs(expected[r] - actual[r]) <= 1e-7 * bound, $"row {r}: {expected[r]:G9} vs {actual[r]:G9}");
        }
    }

    private static double Field(Mesh mesh, int dof)
    {
        var node = dof / 3;
        return dof % 3 == 0 ? mesh.X[node] + (2 * mesh.Y[node]) - mesh.Z[node] : 0;
    }

    private static StaticResults SolveBox(Mesh mesh, PreconditionerKind kind)
    {
        var model = new StaticModel(mesh, new IsotropicElastic(210e9, 0.3));
        model.Fix("xmin");
        model.AddLoadCase("end").AddNodalForce(mesh.NodesOf("xmax")[0], new Vector3d(0, 0, -100));
        return model.Solve(new StaticSolveOptions { Preconditioner = kind, RelativeTolerance = 1e-10, MaxDegreeOfParallelism = 2 });
    }

    private static (StiffnessSystem System, DofMap Dofs, Mesh Mesh) Assemble(Mesh mesh)
    {
        var graph = MeshGraph.Of(mesh);
        var constrained = new bool[3 * mesh.NodeCount];
        foreach (var node in mesh.NodesOf("xmin"))
        {
            constrained[3 * node] = constrained[(3 * node) + 1] = constrained[(3 * node) + 2] = true;
        }

        var dofs = DofMap.Create(mesh, graph.ActiveNodes, constrained, new double[3 * mesh.NodeCount], graph.Order);
        var system = StiffnessSystem.CreatePattern(graph.Adjacency, dofs);
        var steel = new IsotropicElastic(210e9, 0.3);
        var properties = new ElasticProperties([SolidMaterial.FromElastic(steel)], new int[mesh.ElementCount], [steel]);
        MatrixAssembler.Assemble(system, mesh, graph.Coloring, new StiffnessMatrix(properties.MaterialOf, properties.Lambda, properties.Mu), 2);
        return (system, dofs, mesh);
    }
}
