using TwinPlatform.Simulation.Elements;

namespace TwinPlatform.Simulation.Tests;

public sealed class ElementKernelTests
{
    // A distorted straight-sided tetrahedron and its quadratic version with one curved edge.
    private static readonly double[] Corners = [0.1, -0.05, 0.02, 1.2, 0.1, -0.1, 0.2, 0.9, 0.05, 0.15, 0.2, 1.1];

    [Fact]
    public void Stiffness_Tet10_IsSymmetricWithSixRigidBodyModes()
    {
        var xyz = Quadratic(curved: true);
        var ke = new double[900];

        Assert.True(default(Tet10Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke));

        AssertSymmetricWithRigidNullSpace(ke, 10, xyz);
    }

    [Fact]
    public void Stiffness_Tet4_IsSymmetricWithSixRigidBodyModes()
    {
        var ke = new double[144];

        Assert.True(default(Tet4Kernel).Stiffness(Corners, 1.2e11, 0.8e11, ke));

        AssertSymmetricWithRigidNullSpace(ke, 4, Corners);
    }

    [Fact]
    public void Stiffness_InvertedElement_ReturnsFalse()
    {
        double[] swapped = [.. Corners[3..6], .. Corners[0..3], .. Corners[6..]];

        Assert.False(default(Tet4Kernel).Stiffness(swapped, 1, 1, new double[144]));
    }

    [Fact]
    public void EvaluateShape_Tet10_IsKroneckerAtNodesAndSumsToOne()
    {
        double[] natural = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0, 0, 0.5, 0.5, 0, 0, 0.5, 0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0.5];
        Span<double> n = stackalloc double[10];
        Span<double> d = stackalloc double[30];
        for (var a = 0; a < 10; a++)
        {
            default(Tet10Kernel).EvaluateShape(natural[3 * a], natural[(3 * a) + 1], natural[(3 * a) + 2], n, d);
            for (var b = 0; b < 10; b++)
            {
                Assert.Equal(a == b ? 1 : 0, n[b], 1e-15);
            }
        }

        default(Tet10Kernel).EvaluateShape(0.2, 0.3, 0.1, n, d);
        double sum = 0, dr = 0, ds = 0, dt = 0;
        for (var b = 0; b < 10; b++)
        {
            sum += n[b];
            dr += d[3 * b];
            ds += d[(3 * b) + 1];
            dt += d[(3 * b) + 2];
        }

        Assert.Equal(1, sum, 1e-15);
        Assert.Equal(0, dr, 1e-14);
        Assert.Equal(0, ds, 1e-14);
        Assert.Equal(0, dt, 1e-14);
    }

    [Fact]
    public void ExtrapolateToCorners_Tet10LinearField_IsExact()
    {
        // Values of a linear field f = 1 + 2 L1 - 3 L2 + 5 L3 at the 4 Gauss points extrapolate to its corner values.
        Span<double> points = stackalloc double[4];
        Span<double> corners = stackalloc double[4];
        for (var p = 0; p < 4; p++)
        {
            var ip = default(Tet10Kernel).GetIntegrationPoint(p);
            points[p] = 1 + (2 * ip.R) - (3 * ip.S) + (5 * ip.T);
        }

        default(Tet10Kernel).ExtrapolateToCorners(points, 1, corners);

        Assert.Equal(1, corners[0], 1e-14);
        Assert.Equal(3, corners[1], 1e-14);
        Assert.Equal(-2, corners[2], 1e-14);
        Assert.Equal(6, corners[3], 1e-14);
    }

    private static double[] Quadratic(bool curved)
    {
        var xyz = new double[30];
        Corners.CopyTo(xyz, 0);
        int[] edges = [0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3];
        for (var k = 0; k < 6; k++)
        {
            for (var c = 0; c < 3; c++)
            {
                xyz[(3 * (4 + k)) + c] = 0.5 * (Corners[(3 * edges[2 * k]) + c] + Corners[(3 * edges[(2 * k) + 1]) + c]);
            }
        }

        if (curved)
        {
            xyz[(3 * 5) + 2] += 0.08;
        }

        return xyz;
    }

    private static void AssertSymmetricWithRigidNullSpace(double[] ke, int n, double[] xyz)
    {
        var size = 3 * n;
        var max = 0.0;
        foreach (var v in ke)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                // Symmetric to rounding: 1e-14 of the largest entry.
                Assert.Equal(ke[(i * size) + j], ke[(j * size) + i], 1e-14 * max);
            }
        }

        // K r = 0 for 3 translations and 3 rotations, to 1e-12 of |K| |r|.
        for (var mode = 0; mode < 6; mode++)
        {
            var r = new double[size];
            for (var a = 0; a < n; a++)
            {
                double x = xyz[3 * a], y = xyz[(3 * a) + 1], z = xyz[(3 * a) + 2];
                switch (mode)
                {
                    case < 3:
                        r[(3 * a) + mode] = 1;
                        break;
                    case 3:
                        r[(3 * a) + 1] = -z;
                        r[(3 * a) + 2] = y;
                        break;
                    case 4:
                        r[3 * a] = z;
                        r[(3 * a) + 2] = -x;
                        break;
                    default:
                        r[3 * a] = -y;
                        r[(3 * a) + 1] = x;
                        break;
                }
            }

            for (var i = 0; i < size; i++)
            {
                var s = 0.0;
                for (var j = 0; j < size; j++)
                {
                    s += ke[(i * size) + j] * r[j];
                }

                Assert.True(Math.Abs(s) < 1e-12 * max * size, $"mode {mode}, row {i}: {s:G3}");
            }
        }
    }
}
