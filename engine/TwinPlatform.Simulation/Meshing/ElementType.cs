namespace TwinPlatform.Simulation.Meshing;

/// <summary>Volume element topologies. Node orderings follow CalculiX/Abaqus and VTK (see each kernel).</summary>
public enum ElementType
{
    /// <summary>4-node linear tetrahedron.</summary>
    Tet4,

    /// <summary>
    /// 10-node quadratic tetrahedron: corners 0-3, then mid-edge nodes on edges
    /// (0,1), (1,2), (2,0), (0,3), (1,3), (2,3) — the CalculiX C3D10 and VTK_QUADRATIC_TETRA order.
    /// </summary>
    Tet10,

    /// <summary>8-node linear hexahedron (reserved; no kernel yet).</summary>
    Hex8,

    /// <summary>20-node quadratic hexahedron (reserved; no kernel yet).</summary>
    Hex20,

    /// <summary>6-node linear wedge (reserved; no kernel yet).</summary>
    Wedge6,

    /// <summary>15-node quadratic wedge (reserved; no kernel yet).</summary>
    Wedge15,
}
