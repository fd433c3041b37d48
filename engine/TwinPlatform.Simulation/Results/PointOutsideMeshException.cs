using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Results;

/// <summary>A probe point lies outside the mesh by more than the tolerance.</summary>
public sealed class PointOutsideMeshException : Exception
{
    /// <summary>Creates the exception for a point and its distance to the mesh.</summary>
    public PointOutsideMeshException(Vector3d point, double distanceM, double toleranceM)
        : base(FormattableString.Invariant(
            $"point ({point.X:G6}, {point.Y:G6}, {point.Z:G6}) m is outside the mesh: {distanceM:G4} m from its boundary (tolerance {toleranceM:G3} m); check the point's units (metres) and frame"))
    {
        Point = point;
        DistanceM = distanceM;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PointOutsideMeshException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PointOutsideMeshException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public PointOutsideMeshException()
    {
    }

    /// <summary>The point, metres.</summary>
    public Vector3d Point { get; }

    /// <summary>Distance from the point to the mesh boundary, metres.</summary>
    public double DistanceM { get; }
}
