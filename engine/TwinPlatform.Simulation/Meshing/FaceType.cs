namespace TwinPlatform.Simulation.Meshing;

/// <summary>Boundary-face topologies of a <see cref="FaceSet"/>.</summary>
public enum FaceType
{
    /// <summary>3-node linear triangle.</summary>
    Tri3,

    /// <summary>6-node quadratic triangle: corners 0-2, then mid-edge nodes on (0,1), (1,2), (2,0).</summary>
    Tri6,

    /// <summary>4-node bilinear quadrilateral, corners counter-clockwise about the outward normal.</summary>
    Quad4,

    /// <summary>8-node serendipity quadrilateral: corners 0-3, then mid-edge nodes on (0,1), (1,2), (2,3), (3,0).</summary>
    Quad8,
}
