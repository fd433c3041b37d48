using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// The assembled stiffness split by the constraints: <see cref="Free"/> = K_ff over the free equations
/// (symmetric positive definite once the supports suppress the rigid-body modes), and
/// <see cref="ConstrainedRows"/> = the full rows of K for the constrained dofs, columns indexed by global
/// dof (DofsPerNode * node + component). The same structure holds mass and conductivity matrices. The latter gives the load lift K_fc g = (K_cf)ᵀ g and the reactions
/// K_c· u - f_c without keeping a second copy of K.
/// </summary>
internal sealed class StiffnessSystem
{
    public StiffnessSystem(DofMap dofs, CsrMatrix free, CsrMatrix constrainedRows)
    {
        Dofs = dofs;
        Free = free;
        ConstrainedRows = constrainedRows;
    }

    public DofMap Dofs { get; }

    public CsrMatrix Free { get; }

    public CsrMatrix ConstrainedRows { get; }

    /// <summary>Builds both patterns from the node adjacency (once per mesh and constraint set).</summary>
    public static StiffnessSystem CreatePattern(NodeAdjacency adjacency, DofMap dofs)
    {
        var eq = dofs.Equations;
        var dpn = dofs.DofsPerNode;
        var nodeCount = adjacency.NodePointers.Length - 1;

        // K_ff: every free row of node a has the same columns, the free dofs of a's neighbours sorted by
        // equation (a node's free dofs are consecutive equations, so sorting nodes by their first free
        // equation sorts the columns).
        var pointers = new int[dofs.FreeCount + 1];
        for (var a = 0; a < nodeCount; a++)
        {
            if (FreeComponents(eq, a, dpn) == 0)
            {
                continue;
            }

            var length = 0;
            for (var k = adjacency.NodePointers[a]; k < adjacency.NodePointers[a + 1]; k++)
            {
                length += FreeComponents(eq, adjacency.Nodes[k], dpn);
            }

            for (var c = 0; c < dpn; c++)
            {
                if (eq[(dpn * a) + c] >= 0)
                {
                    pointers[eq[(dpn * a) + c] + 1] = length;
                }
            }
        }

        for (var r = 0; r < dofs.FreeCount; r++)
        {
            pointers[r + 1] += pointers[r];
        }

        var columns = new int[pointers[dofs.FreeCount]];
        var keys = new List<long>();
        for (var a = 0; a < nodeCount; a++)
        {
            if (FreeComponents(eq, a, dpn) == 0)
            {
                continue;
            }

            keys.Clear();
            for (var k = adjacency.NodePointers[a]; k < adjacency.NodePointers[a + 1]; k++)
            {
                var b = adjacency.Nodes[k];
                var count = FreeComponents(eq, b, dpn);
                if (count > 0)
                {
                    keys.Add(((long)FirstFree(eq, b, dpn) << 2) | (long)count);
                }
            }

            keys.Sort();
            var row0 = FirstFree(eq, a, dpn);
            var w = pointers[row0];
            foreach (var key in keys)
            {
                // The free dofs of a node are consecutive equations.
                var first = (int)(key >> 2);
                for (var j = 0; j < (int)(key & 3); j++)
                {
                    columns[w++] = first + j;
                }
            }

            // Copy the layout to the node's other free rows.
            for (var c = 0; c < dpn; c++)
            {
                var r = eq[(dpn * a) + c];
                if (r >= 0 && r != row0)
                {
                    Array.Copy(columns, pointers[row0], columns, pointers[r], pointers[row0 + 1] - pointers[row0]);
                }
            }
        }

        var free = new CsrMatrix(new CsrPattern(dofs.FreeCount, dofs.FreeCount, pointers, columns));

        // Constrained rows: all dofs of every neighbour, by global dof.
        var cPointers = new int[dofs.ConstrainedCount + 1];
        for (var c = 0; c < dofs.ConstrainedCount; c++)
        {
            var a = dofs.ConstrainedDofs[c] / dpn;
            cPointers[c + 1] = cPointers[c] + (dpn * (adjacency.NodePointers[a + 1] - adjacency.NodePointers[a]));
        }

        var cColumns = new int[cPointers[dofs.ConstrainedCount]];
        var wc = 0;
        for (var c = 0; c < dofs.ConstrainedCount; c++)
        {
            var a = dofs.ConstrainedDofs[c] / dpn;
            for (var k = adjacency.NodePointers[a]; k < adjacency.NodePointers[a + 1]; k++)
            {
                var b = adjacency.Nodes[k];
                for (var j = 0; j < dpn; j++)
                {
                    cColumns[wc++] = (dpn * b) + j;
                }
            }
        }

        var constrained = new CsrMatrix(new CsrPattern(dofs.ConstrainedCount, dpn * nodeCount, cPointers, cColumns));
        return new StiffnessSystem(dofs, free, constrained);
    }

    /// <summary>Equation of the first free component of <paramref name="node"/>, or a negative number if none is free.</summary>
    public static int FirstFree(int[] equations, int node, int dofsPerNode)
    {
        var d = dofsPerNode * node;
        for (var c = 0; c < dofsPerNode; c++)
        {
            if (equations[d + c] >= 0)
            {
                return equations[d + c];
            }
        }

        return -1;
    }

    /// <summary>Number of free components of node <paramref name="node"/>.</summary>
    public static int FreeComponents(int[] equations, int node, int dofsPerNode)
    {
        var count = 0;
        var d = dofsPerNode * node;
        for (var c = 0; c < dofsPerNode; c++)
        {
            count += equations[d + c] >= 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>A system on the same patterns with zero values (for a second matrix such as the mass).</summary>
    public StiffnessSystem WithZeroValues() => new(Dofs, new CsrMatrix(Free.Pattern), new CsrMatrix(ConstrainedRows.Pattern));

    /// <summary>f_f -= K_fc g: the effect of prescribed (non-zero) displacements on the free equations.</summary>
    public void SubtractPrescribedLift(double[] freeRightHandSide)
    {
        var p = ConstrainedRows.Pattern;
        var v = ConstrainedRows.Values;
        var eq = Dofs.Equations;
        for (var c = 0; c < Dofs.ConstrainedCount; c++)
        {
            var g = Dofs.PrescribedValues[c];
            if (g == 0)
            {
                continue;
            }

            for (var k = p.RowPointers[c]; k < p.RowPointers[c + 1]; k++)
            {
                var e = eq[p.ColumnIndices[k]];
                if (e >= 0)
                {
                    freeRightHandSide[e] -= v[k] * g;
                }
            }
        }
    }

    /// <summary>Reactions r_c = K_c· u - f_c into the interleaved array <paramref name="reactions"/> (zero elsewhere).</summary>
    public void Reactions(double[] displacements, double[] loads, double[] reactions)
    {
        Array.Clear(reactions);
        var p = ConstrainedRows.Pattern;
        var v = ConstrainedRows.Values;
        for (var c = 0; c < Dofs.ConstrainedCount; c++)
        {
            var sum = 0.0;
            for (var k = p.RowPointers[c]; k < p.RowPointers[c + 1]; k++)
            {
                sum += v[k] * displacements[p.ColumnIndices[k]];
            }

            var dof = Dofs.ConstrainedDofs[c];
            reactions[dof] = sum - loads[dof];
        }
    }
}
