using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>One contribution to a load case.</summary>
/// <param name="Kind">What the vector means.</param>
/// <param name="Set">Face or node set name (empty for body loads).</param>
/// <param name="Vector">Total force (N), traction (Pa) or acceleration (m/s^2), by kind.</param>
internal sealed record LoadTerm(LoadTerm.LoadKind Kind, string Set, Vector3d Vector)
{
    /// <summary>Kinds of load.</summary>
    public enum LoadKind
    {
        /// <summary>Total force spread as a uniform traction over a face set.</summary>
        SurfaceForce,

        /// <summary>Uniform traction vector on a face set.</summary>
        SurfaceTraction,

        /// <summary>Total force split equally over the nodes of a set.</summary>
        NodalForce,

        /// <summary>Body acceleration times density over all elements.</summary>
        BodyAcceleration,
    }
}
