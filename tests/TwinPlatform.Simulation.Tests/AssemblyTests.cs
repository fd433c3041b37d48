using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

public sealed class AssemblyTests
{
    private static readonly IsotropicElastic Steel = new(210e9, 0.3);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Assemble_SmallMesh_MatchesDenseElementByElementAssembly(bool quadratic)
    {
        var mesh = TestMeshes.Box(3, 2, 2, 0.3, 0.2, 0.2, quadratic, distortion: 0.2);
        var adjacency = NodeAdjacency.Build(mesh);
        var active = new bool[mesh.NodeCount];
        Array.Fill(active, true);
        var constrained = new bool[3 * mesh.NodeCount];
        foreach (var n in mesh.NodeSets["xmin"].Nodes)
        {
            constrained[3 * n] = constrained[(3 * n) + 1] = constrained[(3 * n) + 2] = true;
        }

        // A roller too: only y fixed on ymax, so some nodes have mixed free and fixed components.
        foreach (var n in mesh.NodeSets["ymax"].Nodes)
        {
            constrained[(3 * n) + 1] = true;
        }

        var dofs = DofMap.Create(mesh, active, constrained, new double[3 * mesh.NodeCount], NodeOrdering.ReverseCuthillMcKee(adjacency));
        var system = StiffnessSystem.CreatePattern(adjacency, dofs);
        StiffnessAssembler.Assemble(system, mesh, ElementColoring.Build(mesh), Steel.LambdaPa, Steel.ShearModulusPa, 2);

        // Reference: dense global K by the textbook scatter of every element matrix.
        var size = 3 * mesh.NodeCount;
        var dense = new double[size, size];
        var block = mesh.Blocks[0];
        var npe = block.NodesPerElement;
        var xyz = new double[3 * npe];
        var ke = new double[9 * npe * npe];
        for (var e = 0; e < block.Count; e++)
        {
            var nodes = block.Nodes(e);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            Assert.True(quadratic ? default(Tet10Kernel).Stiffness(xyz, Steel.LambdaPa, Steel.ShearModulusPa, ke) : default(Tet4Kernel).Stiffness(xyz, Steel.LambdaPa, Steel.ShearModulusPa, ke));
            for (var i = 0; i < 3 * npe; i++)
            {
                for (var j = 0; j < 3 * npe; j++)
                {
                    dense[(3 * nodes[i / 3]) + (i % 3), (3 * nodes[j / 3]) + (j % 3)] += ke[(i * 3 * npe) + j];
                }
            }
        }

        var scale = 0.0;
        foreach (var v in dense)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        // Free-free block: every entry equal to 1e-12 of the largest entry, and nothing missing from the pattern.
        var eq = dofs.Equations;
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                if (eq[i] >= 0 && eq[j] >= 0)
                {
                    Assert.True(Math.Abs(dense[i, j] - system.Free[eq[i], eq[j]]) <= 1e-12 * scale, $"K[{i}, {j}]: {system.Free[eq[i], eq[j]]:G6} vs {dense[i, j]:G6}");
                }
                else if (eq[i] < 0)
                {
                    var c = -1 - eq[i];
                    Assert.True(Math.Abs(dense[i, j] - system.ConstrainedRows[c, j]) <= 1e-12 * scale, $"constrained row {i}, column {j}");
                }
            }
        }
    }
}
