namespace TwinPlatform.Core.Graph;

/// <summary>A double-precision 3-vector for positions and directions in model frames.</summary>
/// <param name="X">x component.</param>
/// <param name="Y">y component.</param>
/// <param name="Z">z component.</param>
public readonly record struct Vector3d(double X, double Y, double Z)
{
    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>This vector scaled to unit length.</summary>
    public Vector3d Normalized()
    {
        var l = Length;
        return l == 0 ? throw new InvalidOperationException("a zero vector has no direction") : new(X / l, Y / l, Z / l);
    }

    /// <summary>Dot product.</summary>
    public double Dot(Vector3d other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    /// <summary>Scaling.</summary>
    public static Vector3d operator *(double k, Vector3d v) => new(k * v.X, k * v.Y, k * v.Z);

    /// <summary>Sum.</summary>
    public static Vector3d operator +(Vector3d a, Vector3d b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Difference.</summary>
    public static Vector3d operator -(Vector3d a, Vector3d b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
}
