namespace TwinPlatform.Simulation.Meshing;

/// <summary>Boundary-face topologies of a <see cref="FaceSet"/>.</summary>
public enum FaceType
{
    /// <summary>3-node linear triangle.</summary>
    Tri3,

    /// <summary>6-node quadratic triangle: corners 0-2, then mid-edge nodes on (0,1), (1,2), (2,0).</summary>
    Tri6,
}
