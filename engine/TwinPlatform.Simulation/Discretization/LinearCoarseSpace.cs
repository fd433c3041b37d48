using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// The linear-element coarse space of a quadratic mesh (p-multigrid): the coarse unknowns are the free
/// components of the corner nodes, and the prolongation interpolates a mid-edge node as the mean of its edge's
/// two corners, which is exact for every field linear along the edge (the linear element's shape functions).
/// </summary>
/// <remarks>
/// Coarse equations are numbered in the order of the fine equations of their corners, so the fine ordering
/// (reverse Cuthill-McKee) carries over. A corner component that is constrained on the fine level is not a
/// coarse unknown (the correction is homogeneous there); a mid-edge row then keeps only its free parent.
/// The Galerkin product Pᵀ K P of a straight-sided quadratic tetrahedral mesh is the linear tetrahedral
/// stiffness on the corner nodes.
/// </remarks>
internal static class LinearCoarseSpace
{
    // Mid-edge node -> its edge's corners, per element type (local numbers, CalculiX order).
    private static readonly int[] Tet10Edges = [4, 0, 1, 5, 1, 2, 6, 2, 0, 7, 0, 3, 8, 1, 3, 9, 2, 3];
    private static readonly int[] Hex20Edges =
    [
        8, 0, 1, 9, 1, 2, 10, 2, 3, 11, 3, 0, 12, 4, 5, 13, 5, 6, 14, 6, 7, 15, 7, 4, 16, 0, 4, 17, 1, 5, 18, 2, 6, 19, 3, 7,
    ];

    private static readonly int[] Wedge15Edges = [6, 0, 1, 7, 1, 2, 8, 2, 0, 9, 3, 4, 10, 4, 5, 11, 5, 3, 12, 0, 3, 13, 1, 4, 14, 2, 5];

    /// <summary>
    /// The prolongation (fine free equations x coarse unknowns), or null when the mesh has no quadratic
    /// elements or a linear element, so that no linear coarse space of fewer unknowns exists.
    /// </summary>
    public static CsrMatrix? TryCreate(Mesh mesh, DofMap dofs)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(dofs);
        var nodeCount = mesh.NodeCount;
        var parentA = new int[nodeCount];
        var parentB = new int[nodeCount];
        Array.Fill(parentA, -1);
        Array.Fill(parentB, -1);
        foreach (var block in mesh.Blocks)
        {
            var edges = block.Type switch
            {
                ElementType.Tet10 => Tet10Edges,
                ElementType.Hex20 or ElementType.Hex20Reduced => Hex20Edges,
                ElementType.Wedge15 => Wedge15Edges,
                _ => null,
            };
            if (edges is null)
            {
                return null;
            }

            var npe = block.NodesPerElement;
            var connectivity = block.Connectivity;
            for (var e = 0; e < block.Count; e++)
            {
                var b = e * npe;
                for (var k = 0; k < edges.Length; k += 3)
                {
                    var m = connectivity[b + edges[k]];
                    parentA[m] = connectivity[b + edges[k + 1]];
                    parentB[m] = connectivity[b + edges[k + 2]];
                }
            }
        }

        var dpn = dofs.DofsPerNode;
        var eq = dofs.Equations;

        // Fine equation -> global dof, then coarse numbers in fine-equation order.
        var dofOfEquation = new int[dofs.FreeCount];
        for (var dof = 0; dof < eq.Length; dof++)
        {
            if (eq[dof] >= 0)
            {
                dofOfEquation[eq[dof]] = dof;
            }
        }

        var coarseOfDof = new int[eq.Length];
        Array.Fill(coarseOfDof, -1);
        var coarseCount = 0;
        for (var r = 0; r < dofOfEquation.Length; r++)
        {
            var dof = dofOfEquation[r];
            if (parentA[dof / dpn] < 0)
            {
                coarseOfDof[dof] = coarseCount++;
            }
        }

        if (coarseCount == 0 || coarseCount == dofs.FreeCount)
        {
            return null;
        }

        var pointers = new int[dofs.FreeCount + 1];
        var columns = new int[2 * dofs.FreeCount];
        var values = new double[2 * dofs.FreeCount];
        var w = 0;
        for (var r = 0; r < dofOfEquation.Length; r++)
        {
            var dof = dofOfEquation[r];
            var node = dof / dpn;
            var component = dof - (dpn * node);
            if (parentA[node] < 0)
            {
                columns[w] = coarseOfDof[dof];
                values[w++] = 1.0;
            }
            else
            {
                var a = coarseOfDof[(dpn * parentA[node]) + component];
                var b = coarseOfDof[(dpn * parentB[node]) + component];
                if (a >= 0 && b >= 0 && b < a)
                {
                    (a, b) = (b, a);
                }

                if (a >= 0)
                {
                    columns[w] = a;
                    values[w++] = 0.5;
                }

                if (b >= 0)
                {
                    columns[w] = b;
                    values[w++] = 0.5;
                }
            }

            pointers[r + 1] = w;
        }

        Array.Resize(ref columns, w);
        Array.Resize(ref values, w);
        return new CsrMatrix(new CsrPattern(dofs.FreeCount, coarseCount, pointers, columns), values);
    }
}
