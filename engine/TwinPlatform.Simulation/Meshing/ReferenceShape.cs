namespace TwinPlatform.Simulation.Meshing;

/// <summary>Reference element shapes and their natural coordinates.</summary>
internal enum ReferenceShape
{
    /// <summary>Unit tetrahedron r, s, t &gt;= 0, r + s + t &lt;= 1.</summary>
    Tetrahedron,

    /// <summary>Cube [-1, 1]^3.</summary>
    Hexahedron,

    /// <summary>Triangle r, s &gt;= 0, r + s &lt;= 1 times t in [-1, 1].</summary>
    Wedge,
}
