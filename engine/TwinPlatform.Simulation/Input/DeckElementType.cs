namespace TwinPlatform.Simulation.Input;

/// <summary>CalculiX/Abaqus solid element types the deck reader accepts (node orders as in CalculiX).</summary>
public enum DeckElementType
{
    /// <summary>4-node linear tetrahedron.</summary>
    C3D4,

    /// <summary>10-node quadratic tetrahedron.</summary>
    C3D10,

    /// <summary>8-node linear hexahedron.</summary>
    C3D8,

    /// <summary>20-node quadratic hexahedron, full integration.</summary>
    C3D20,

    /// <summary>20-node quadratic hexahedron, reduced integration.</summary>
    C3D20R,

    /// <summary>6-node linear wedge (pentahedron).</summary>
    C3D6,

    /// <summary>15-node quadratic wedge.</summary>
    C3D15,
}
