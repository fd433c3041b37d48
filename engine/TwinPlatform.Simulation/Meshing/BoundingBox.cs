using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Meshing;

/// <summary>An axis-aligned box, metres.</summary>
/// <param name="Min">Lower corner.</param>
/// <param name="Max">Upper corner.</param>
public readonly record struct BoundingBox(Vector3d Min, Vector3d Max)
{
    /// <summary>Length of the diagonal.</summary>
    public double Diagonal => (Max - Min).Length;

    /// <summary>Centre point.</summary>
    public Vector3d Center => 0.5 * (Min + Max);
}
