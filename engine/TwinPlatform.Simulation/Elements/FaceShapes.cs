using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Shape functions and quadrature of the boundary faces: triangles on (xi, eta) &gt;= 0, xi + eta &lt;= 1;
/// quadrilaterals on [-1, 1]^2 with corners (-1,-1), (1,-1), (1,1), (-1,1) and mid-edge nodes between them.
/// </summary>
internal static class FaceShapes
{
    /// <summary>Largest node count of a face.</summary>
    public const int MaxNodes = 8;

    private static ReadOnlySpan<double> QuadCorners => [-1, -1, 1, -1, 1, 1, -1, 1];

    /// <summary>
    /// xi, eta, weight triples of the face's rule: degree 4 on triangles (exact for N_a N_b of a flat 6-node
    /// triangle), 2x2 Gauss on Quad4, 3x3 Gauss on Quad8 (exact for N_a N_b on a parallelogram).
    /// </summary>
    public static ReadOnlySpan<double> Rule(FaceType type) => type switch
    {
        FaceType.Tri3 or FaceType.Tri6 => TriangleQuadrature.Degree4,
        FaceType.Quad4 => Quad2,
        _ => Quad3,
    };

    private static ReadOnlySpan<double> Quad2 =>
    [
        -0.57735026918962576, -0.57735026918962576, 1, 0.57735026918962576, -0.57735026918962576, 1,
        -0.57735026918962576, 0.57735026918962576, 1, 0.57735026918962576, 0.57735026918962576, 1,
    ];

    private static ReadOnlySpan<double> Quad3 =>
    [
        -0.77459666924148338, -0.77459666924148338, 25.0 / 81.0, 0, -0.77459666924148338, 40.0 / 81.0, 0.77459666924148338, -0.77459666924148338, 25.0 / 81.0,
        -0.77459666924148338, 0, 40.0 / 81.0, 0, 0, 64.0 / 81.0, 0.77459666924148338, 0, 40.0 / 81.0,
        -0.77459666924148338, 0.77459666924148338, 25.0 / 81.0, 0, 0.77459666924148338, 40.0 / 81.0, 0.77459666924148338, 0.77459666924148338, 25.0 / 81.0,
    ];

    /// <summary>Shape functions and natural derivatives (2 per node) of a face at (xi, eta).</summary>
    public static void Evaluate(FaceType type, double xi, double eta, Span<double> shape, Span<double> d)
    {
        switch (type)
        {
            case FaceType.Tri3:
                TriangleQuadrature.Shape(3, xi, eta, shape, d);
                return;
            case FaceType.Tri6:
                TriangleQuadrature.Shape(6, xi, eta, shape, d);
                return;
            case FaceType.Quad4:
                for (var a = 0; a < 4; a++)
                {
                    double xa = QuadCorners[2 * a], ya = QuadCorners[(2 * a) + 1];
                    double fx = 1 + (xi * xa), fy = 1 + (eta * ya);
                    shape[a] = 0.25 * fx * fy;
                    d[2 * a] = 0.25 * xa * fy;
                    d[(2 * a) + 1] = 0.25 * ya * fx;
                }

                return;
            default:
                Quad8(xi, eta, shape, d);
                return;
        }
    }

    /// <summary>
    /// Shape values (<see cref="MaxNodes"/> per point) and weighted area vectors w (x_xi × x_eta) (3 per point) at
    /// the points of the face's rule; returns the point count. The area vector points outward for a face whose
    /// nodes are listed in outward order; its length integrates to the area.
    /// </summary>
    public static int AreaVectors(FaceType type, ReadOnlySpan<double> xyz, Span<double> shapes, Span<double> weightedNormals)
    {
        var rule = Rule(type);
        var n = ElementTopology.NodesPerFace(type);
        Span<double> d = stackalloc double[2 * MaxNodes];
        var points = rule.Length / 3;
        for (var q = 0; q < points; q++)
        {
            var shape = shapes.Slice(q * MaxNodes, MaxNodes);
            Evaluate(type, rule[3 * q], rule[(3 * q) + 1], shape, d);
            double ax = 0, ay = 0, az = 0, bx = 0, by = 0, bz = 0;
            for (var a = 0; a < n; a++)
            {
                double x = xyz[3 * a], y = xyz[(3 * a) + 1], z = xyz[(3 * a) + 2];
                ax += d[2 * a] * x;
                ay += d[2 * a] * y;
                az += d[2 * a] * z;
                bx += d[(2 * a) + 1] * x;
                by += d[(2 * a) + 1] * y;
                bz += d[(2 * a) + 1] * z;
            }

            var w = rule[(3 * q) + 2];
            weightedNormals[3 * q] = w * ((ay * bz) - (az * by));
            weightedNormals[(3 * q) + 1] = w * ((az * bx) - (ax * bz));
            weightedNormals[(3 * q) + 2] = w * ((ax * by) - (ay * bx));
        }

        return points;
    }

    /// <summary>8-node serendipity quadrilateral.</summary>
    private static void Quad8(double xi, double eta, Span<double> n, Span<double> d)
    {
        for (var a = 0; a < 4; a++)
        {
            double xa = QuadCorners[2 * a], ya = QuadCorners[(2 * a) + 1];
            double fx = 1 + (xi * xa), fy = 1 + (eta * ya);
            var g = (xi * xa) + (eta * ya) - 1;
            n[a] = 0.25 * fx * fy * g;
            d[2 * a] = 0.25 * xa * fy * (g + fx);
            d[(2 * a) + 1] = 0.25 * ya * fx * (g + fy);
        }

        // Mid-edge nodes 4 (eta = -1), 5 (xi = 1), 6 (eta = 1), 7 (xi = -1).
        double qx = 1 - (xi * xi), qy = 1 - (eta * eta);
        n[4] = 0.5 * qx * (1 - eta);
        d[8] = -xi * (1 - eta);
        d[9] = -0.5 * qx;
        n[5] = 0.5 * (1 + xi) * qy;
        d[10] = 0.5 * qy;
        d[11] = -(1 + xi) * eta;
        n[6] = 0.5 * qx * (1 + eta);
        d[12] = -xi * (1 + eta);
        d[13] = 0.5 * qx;
        n[7] = 0.5 * (1 - xi) * qy;
        d[14] = -0.5 * qy;
        d[15] = -(1 - xi) * eta;
    }
}
