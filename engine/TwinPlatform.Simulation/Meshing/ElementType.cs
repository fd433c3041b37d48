namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// Volume element topologies. Node orderings follow CalculiX/Abaqus (see each kernel and
/// <see cref="ElementTypeExtensions.FaceNodes"/>); <see cref="ElementTypeExtensions.CalculixName"/> gives the
/// CalculiX element label.
/// </summary>
public enum ElementType
{
    /// <summary>4-node linear tetrahedron (C3D4), 1 integration point.</summary>
    Tet4,

    /// <summary>
    /// 10-node quadratic tetrahedron (C3D10), 4 integration points: corners 0-3, then mid-edge nodes on edges
    /// (0,1), (1,2), (2,0), (0,3), (1,3), (2,3) — the CalculiX C3D10 and VTK_QUADRATIC_TETRA order.
    /// </summary>
    Tet10,

    /// <summary>8-node trilinear hexahedron (C3D8), 2x2x2 Gauss points: corners 0-3 on the bottom face (zeta = -1), 4-7 above them.</summary>
    Hex8,

    /// <summary>
    /// 20-node serendipity hexahedron (C3D20), 3x3x3 Gauss points: corners as <see cref="Hex8"/>, then mid-edge
    /// nodes on (0,1), (1,2), (2,3), (3,0), (4,5), (5,6), (6,7), (7,4), (0,4), (1,5), (2,6), (3,7).
    /// </summary>
    Hex20,

    /// <summary>6-node linear wedge (C3D6), 2 integration points as in CalculiX: corners 0-2 on the bottom triangle (zeta = -1), 3-5 above them.</summary>
    Wedge6,

    /// <summary>
    /// 15-node quadratic wedge (C3D15), 9 integration points: corners as <see cref="Wedge6"/>, then mid-edge
    /// nodes on (0,1), (1,2), (2,0), (3,4), (4,5), (5,3), (0,3), (1,4), (2,5).
    /// </summary>
    Wedge15,

    /// <summary>
    /// 20-node hexahedron with reduced 2x2x2 integration (C3D20R); nodes as <see cref="Hex20"/>. Like CalculiX,
    /// no hourglass control: the element's spurious zero-energy modes do not propagate through a mesh.
    /// </summary>
    Hex20Reduced,
}
