namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Shape functions of the 6-node and 15-node wedges: triangle coordinates L0 = 1 - r - s, L1 = r, L2 = s
/// times t in [-1, 1]; nodes in the CalculiX/Abaqus order (see <see cref="NodeCoordinates"/>).
/// </summary>
internal static class WedgeShapes
{
    /// <summary>Natural coordinates of the 15 nodes (the first 6 are the corners), r, s, t per node.</summary>
    public static ReadOnlySpan<double> NodeCoordinates =>
    [
        0, 0, -1, 1, 0, -1, 0, 1, -1, 0, 0, 1, 1, 0, 1, 0, 1, 1,
        0.5, 0, -1, 0.5, 0.5, -1, 0, 0.5, -1, 0.5, 0, 1, 0.5, 0.5, 1, 0, 0.5, 1,
        0, 0, 0, 1, 0, 0, 0, 1, 0,
    ];

    /// <summary>N_i = L_i (1 - t) / 2 (bottom), N_{i+3} = L_i (1 + t) / 2 (top).</summary>
    public static void Linear(double r, double s, double t, Span<double> n, Span<double> d)
    {
        var l0 = 1 - r - s;
        double lo = 0.5 * (1 - t), hi = 0.5 * (1 + t);
        n[0] = l0 * lo;
        n[1] = r * lo;
        n[2] = s * lo;
        n[3] = l0 * hi;
        n[4] = r * hi;
        n[5] = s * hi;
        d[0] = -lo;
        d[1] = -lo;
        d[2] = -0.5 * l0;
        d[3] = lo;
        d[4] = 0;
        d[5] = -0.5 * r;
        d[6] = 0;
        d[7] = lo;
        d[8] = -0.5 * s;
        d[9] = -hi;
        d[10] = -hi;
        d[11] = 0.5 * l0;
        d[12] = hi;
        d[13] = 0;
        d[14] = 0.5 * r;
        d[15] = 0;
        d[16] = hi;
        d[17] = 0.5 * s;
    }

    /// <summary>
    /// Corners N = L_i (2 L_i - 1)(1 -+ t) / 2 - L_i (1 - t^2) / 2; triangle mid-edge nodes N = 2 L_i L_j (1 -+ t);
    /// vertical mid-edge nodes N = L_i (1 - t^2).
    /// </summary>
    public static void Quadratic(double r, double s, double t, Span<double> n, Span<double> d)
    {
        Span<double> l = [1 - r - s, r, s];
        var q = 1 - (t * t);

        // dN/dL_k and dN/dt per node, converted to r, s at the end: d/dr = d/dL1 - d/dL0, d/ds = d/dL2 - d/dL0.
        Span<double> dl = stackalloc double[45];
        Span<double> dt = stackalloc double[15];
        dl.Clear();
        for (var i = 0; i < 3; i++)
        {
            var li = l[i];
            for (var side = 0; side < 2; side++)
            {
                var sign = side == 0 ? -1.0 : 1.0;
                var h = 0.5 * (1 + (sign * t));
                var a = i + (3 * side);
                n[a] = (li * ((2 * li) - 1) * h) - (0.5 * li * q);
                dl[(3 * a) + i] = (((4 * li) - 1) * h) - (0.5 * q);
                dt[a] = (sign * 0.5 * li * ((2 * li) - 1)) + (li * t);
            }

            // Vertical edge (i, i + 3): node 12 + i.
            n[12 + i] = li * q;
            dl[(3 * (12 + i)) + i] = q;
            dt[12 + i] = -2 * li * t;
        }

        // Triangle edges (0,1), (1,2), (2,0): bottom nodes 6-8, top nodes 9-11.
        for (var k = 0; k < 3; k++)
        {
            var i = k;
            var j = (k + 1) % 3;
            for (var side = 0; side < 2; side++)
            {
                var f = side == 0 ? 1 - t : 1 + t;
                var a = 6 + k + (3 * side);
                n[a] = 2 * l[i] * l[j] * f;
                dl[(3 * a) + i] = 2 * l[j] * f;
                dl[(3 * a) + j] = 2 * l[i] * f;
                dt[a] = (side == 0 ? -2 : 2) * l[i] * l[j];
            }
        }

        for (var a = 0; a < 15; a++)
        {
            d[3 * a] = dl[(3 * a) + 1] - dl[3 * a];
            d[(3 * a) + 1] = dl[(3 * a) + 2] - dl[3 * a];
            d[(3 * a) + 2] = dt[a];
        }
    }
}
