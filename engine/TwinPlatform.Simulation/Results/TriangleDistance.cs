using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Results;

/// <summary>Point-to-triangle distance (closest point by Voronoi regions, Ericson, Real-Time Collision Detection 5.1.5).</summary>
internal static class TriangleDistance
{
    public static double Distance(Vector3d p, Vector3d a, Vector3d b, Vector3d c) => (p - ClosestPoint(p, a, b, c)).Length;

    private static Vector3d ClosestPoint(Vector3d p, Vector3d a, Vector3d b, Vector3d c)
    {
        var ab = b - a;
        var ac = c - a;
        var ap = p - a;
        var d1 = ab.Dot(ap);
        var d2 = ac.Dot(ap);
        if (d1 <= 0 && d2 <= 0)
        {
            return a;
        }

        var bp = p - b;
        var d3 = ab.Dot(bp);
        var d4 = ac.Dot(bp);
        if (d3 >= 0 && d4 <= d3)
        {
            return b;
        }

        var vc = (d1 * d4) - (d3 * d2);
        if (vc <= 0 && d1 >= 0 && d3 <= 0)
        {
            return a + ((d1 / (d1 - d3)) * ab);
        }

        var cp = p - c;
        var d5 = ab.Dot(cp);
        var d6 = ac.Dot(cp);
        if (d6 >= 0 && d5 <= d6)
        {
            return c;
        }

        var vb = (d5 * d2) - (d1 * d6);
        if (vb <= 0 && d2 >= 0 && d6 <= 0)
        {
            return a + ((d2 / (d2 - d6)) * ac);
        }

        var va = (d3 * d6) - (d5 * d4);
        if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        {
            return b + (((d4 - d3) / ((d4 - d3) + (d5 - d6))) * (c - b));
        }

        var denom = 1 / (va + vb + vc);
        return a + ((vb * denom) * ab) + ((vc * denom) * ac);
    }
}
