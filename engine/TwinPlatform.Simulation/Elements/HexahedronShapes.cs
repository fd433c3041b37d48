namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Shape functions of the 8-node trilinear and 20-node serendipity hexahedra on [-1, 1]^3, nodes in the
/// CalculiX/Abaqus order (see <see cref="NodeCoordinates"/>).
/// </summary>
internal static class HexahedronShapes
{
    /// <summary>Natural coordinates of the 20 nodes (the first 8 are the corners), r, s, t per node.</summary>
    public static ReadOnlySpan<double> NodeCoordinates =>
    [
        -1, -1, -1, 1, -1, -1, 1, 1, -1, -1, 1, -1,
        -1, -1, 1, 1, -1, 1, 1, 1, 1, -1, 1, 1,
        0, -1, -1, 1, 0, -1, 0, 1, -1, -1, 0, -1,
        0, -1, 1, 1, 0, 1, 0, 1, 1, -1, 0, 1,
        -1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0,
    ];

    /// <summary>N_a = (1 + r r_a)(1 + s s_a)(1 + t t_a) / 8.</summary>
    public static void Linear(double r, double s, double t, Span<double> n, Span<double> d)
    {
        var c = NodeCoordinates;
        for (var a = 0; a < 8; a++)
        {
            double ra = c[3 * a], sa = c[(3 * a) + 1], ta = c[(3 * a) + 2];
            double fr = 1 + (r * ra), fs = 1 + (s * sa), ft = 1 + (t * ta);
            n[a] = 0.125 * fr * fs * ft;
            d[3 * a] = 0.125 * ra * fs * ft;
            d[(3 * a) + 1] = 0.125 * sa * fr * ft;
            d[(3 * a) + 2] = 0.125 * ta * fr * fs;
        }
    }

    /// <summary>
    /// Serendipity: corners N = (1 + r r_a)(1 + s s_a)(1 + t t_a)(r r_a + s s_a + t t_a - 2) / 8; a mid-edge node
    /// with r_a = 0 has N = (1 - r^2)(1 + s s_a)(1 + t t_a) / 4, and likewise for s_a = 0 or t_a = 0.
    /// </summary>
    public static void Serendipity(double r, double s, double t, Span<double> n, Span<double> d)
    {
        var c = NodeCoordinates;
        for (var a = 0; a < 20; a++)
        {
            double ra = c[3 * a], sa = c[(3 * a) + 1], ta = c[(3 * a) + 2];
            double fr = 1 + (r * ra), fs = 1 + (s * sa), ft = 1 + (t * ta);
            if (a < 8)
            {
                var g = (r * ra) + (s * sa) + (t * ta) - 2;
                n[a] = 0.125 * fr * fs * ft * g;
                d[3 * a] = 0.125 * ra * fs * ft * (g + fr);
                d[(3 * a) + 1] = 0.125 * sa * fr * ft * (g + fs);
                d[(3 * a) + 2] = 0.125 * ta * fr * fs * (g + ft);
            }
            else if (ra == 0)
            {
                var q = 1 - (r * r);
                n[a] = 0.25 * q * fs * ft;
                d[3 * a] = -0.5 * r * fs * ft;
                d[(3 * a) + 1] = 0.25 * sa * q * ft;
                d[(3 * a) + 2] = 0.25 * ta * q * fs;
            }
            else if (sa == 0)
            {
                var q = 1 - (s * s);
                n[a] = 0.25 * q * fr * ft;
                d[3 * a] = 0.25 * ra * q * ft;
                d[(3 * a) + 1] = -0.5 * s * fr * ft;
                d[(3 * a) + 2] = 0.25 * ta * q * fr;
            }
            else
            {
                var q = 1 - (t * t);
                n[a] = 0.25 * q * fr * fs;
                d[3 * a] = 0.25 * ra * q * fs;
                d[(3 * a) + 1] = 0.25 * sa * q * fr;
                d[(3 * a) + 2] = -0.5 * t * fr * fs;
            }
        }
    }
}
