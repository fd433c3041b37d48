using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>One contribution to a load case.</summary>
/// <param name="Kind">What the vector means.</param>
/// <param name="Set">Face or node set name (empty for body loads).</param>
/// <param name="Vector">Total force (N), traction (Pa), acceleration (m/s^2) or pressure (X, Pa), by kind.</param>
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

        /// <summary>Pressure (Vector.X, Pa) along the inward normal of a face set.</summary>
        Pressure,

        /// <summary>Gravity: body acceleration times each element's density.</summary>
        Gravity,
    }
}
