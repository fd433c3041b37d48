using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// Equation numbering: <see cref="DofsPerNode"/> degrees of freedom per node (3 for displacements, 1 for
/// temperature; global dof <c>DofsPerNode * node + component</c>). Free
/// dofs get equations 0..FreeCount-1 node by node in a given node order (the dofs of a node consecutive,
/// x before y before z); constrained dofs are removed from the system
/// (elimination) and numbered separately; dofs of nodes no element uses are inactive.
/// </summary>
internal sealed class DofMap
{
    /// <summary>Marker of an inactive dof in <see cref="Equations"/>.</summary>
    public const int Inactive = int.MinValue;

    private DofMap(int dofsPerNode, int[] equations, int freeCount, int[] constrainedDofs, double[] prescribedValues)
    {
        DofsPerNode = dofsPerNode;
        Equations = equations;
        FreeCount = freeCount;
        ConstrainedDofs = constrainedDofs;
        PrescribedValues = prescribedValues;
    }

    /// <summary>Degrees of freedom per node.</summary>
    public int DofsPerNode { get; }

    /// <summary>Per global dof: the free equation (&gt;= 0), <c>-1 - k</c> for constrained dof k, or <see cref="Inactive"/>.</summary>
    public int[] Equations { get; }

    /// <summary>Number of free equations.</summary>
    public int FreeCount { get; }

    /// <summary>Global dof of each constrained dof.</summary>
    public int[] ConstrainedDofs { get; }

    /// <summary>Prescribed displacement of each constrained dof, metres.</summary>
    public double[] PrescribedValues { get; }

    /// <summary>Number of constrained dofs.</summary>
    public int ConstrainedCount => ConstrainedDofs.Length;

    /// <summary>Numbers the dofs of <paramref name="mesh"/> given per-dof constraint flags and values.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="activeNodes">Nodes used by at least one element.</param>
    /// <param name="constrained">Per global dof: constrained or not.</param>
    /// <param name="values">Per global dof: prescribed value where constrained.</param>
    /// <param name="order">Nodes in equation order (a permutation of all nodes).</param>
    /// <param name="dofsPerNode">Degrees of freedom per node (1 to 3).</param>
    public static DofMap Create(Mesh mesh, bool[] activeNodes, bool[] constrained, double[] values, int[] order, int dofsPerNode = 3)
    {
        var equations = new int[dofsPerNode * mesh.NodeCount];
        var free = 0;
        var cDofs = new List<int>();
        var cValues = new List<double>();
        foreach (var node in order)
        {
            for (var c = 0; c < dofsPerNode; c++)
            {
                var dof = (dofsPerNode * node) + c;
                if (!activeNodes[node])
                {
                    equations[dof] = Inactive;
                }
                else if (constrained[dof])
                {
                    equations[dof] = -1 - cDofs.Count;
                    cDofs.Add(dof);
                    cValues.Add(values[dof]);
                }
                else
                {
                    equations[dof] = free++;
                }
            }
        }

        return new DofMap(dofsPerNode, equations, free, [.. cDofs], [.. cValues]);
    }
}
