namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Shape functions of the 4- and 10-node tetrahedra: barycentric L0 = 1 - r - s - t, L1 = r, L2 = s, L3 = t;
/// corners N_i = L_i (linear) or L_i (2 L_i - 1) (quadratic), mid-edge nodes N = 4 L_a L_b.
/// </summary>
internal static class TetrahedronShapes
{
    /// <summary>Natural coordinates of the 10 nodes (the first 4 are the corners), r, s, t per node.</summary>
    public static ReadOnlySpan<double> NodeCoordinates =>
    [
        0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1,
        0.5, 0, 0, 0.5, 0.5, 0, 0, 0.5, 0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0.5,
    ];

    /// <summary>Linear: N = L_i, constant derivatives.</summary>
    public static void Linear(double r, double s, double t, Span<double> n, Span<double> d)
    {
        n[0] = 1 - r - s - t;
        n[1] = r;
        n[2] = s;
        n[3] = t;
        d[..12].Clear();
        d[0] = -1;
        d[1] = -1;
        d[2] = -1;
        d[3] = 1;
        d[7] = 1;
        d[11] = 1;
    }

    /// <summary>Quadratic (C3D10 node order).</summary>
    public static void Quadratic(double r, double s, double t, Span<double> n, Span<double> d)
    {
        var l0 = 1 - r - s - t;
        double l1 = r, l2 = s, l3 = t;
        n[0] = l0 * ((2 * l0) - 1);
        n[1] = l1 * ((2 * l1) - 1);
        n[2] = l2 * ((2 * l2) - 1);
        n[3] = l3 * ((2 * l3) - 1);
        n[4] = 4 * l0 * l1;
        n[5] = 4 * l1 * l2;
        n[6] = 4 * l2 * l0;
        n[7] = 4 * l0 * l3;
        n[8] = 4 * l1 * l3;
        n[9] = 4 * l2 * l3;

        // d/dr = d/dL1 - d/dL0, d/ds = d/dL2 - d/dL0, d/dt = d/dL3 - d/dL0.
        var c0 = 1 - (4 * l0);
        d[0] = c0;
        d[1] = c0;
        d[2] = c0;
        d[3] = (4 * l1) - 1;
        d[4] = 0;
        d[5] = 0;
        d[6] = 0;
        d[7] = (4 * l2) - 1;
        d[8] = 0;
        d[9] = 0;
        d[10] = 0;
        d[11] = (4 * l3) - 1;
        d[12] = 4 * (l0 - l1);
        d[13] = -4 * l1;
        d[14] = -4 * l1;
        d[15] = 4 * l2;
        d[16] = 4 * l1;
        d[17] = 0;
        d[18] = -4 * l2;
        d[19] = 4 * (l0 - l2);
        d[20] = -4 * l2;
        d[21] = -4 * l3;
        d[22] = -4 * l3;
        d[23] = 4 * (l0 - l3);
        d[24] = 4 * l3;
        d[25] = 0;
        d[26] = 4 * l1;
        d[27] = 0;
        d[28] = 4 * l3;
        d[29] = 4 * l2;
    }
}
