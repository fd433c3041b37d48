namespace TwinPlatform.Simulation.Elements;

/// <summary>Quadrature on the reference triangle (area 1/2), natural coordinates (xi, eta).</summary>
internal static class TriangleQuadrature
{
    // Dunavant degree-4 rule, 6 points; weights normalised to sum 1 (multiply by the area 1/2).
    private const double A1 = 0.445948490915965;
    private const double W1 = 0.223381589678011;
    private const double A2 = 0.091576213509771;
    private const double W2 = 0.109951743655322;

    /// <summary>The centroid rule (degree 1): xi, eta, weight.</summary>
    public static ReadOnlySpan<double> Centroid => [1.0 / 3.0, 1.0 / 3.0, 0.5];

    /// <summary>The 3-point interior rule (degree 2): points at barycentric (2/3, 1/6, 1/6), weights 1/6.</summary>
    public static ReadOnlySpan<double> Degree2 =>
    [
        1.0 / 6.0, 1.0 / 6.0, 1.0 / 6.0, 2.0 / 3.0, 1.0 / 6.0, 1.0 / 6.0, 1.0 / 6.0, 2.0 / 3.0, 1.0 / 6.0,
    ];

    /// <summary>xi, eta, weight triples of the degree-4 rule (weights sum to 1/2).</summary>
    public static ReadOnlySpan<double> Degree4 =>
    [
        A1, A1, W1 / 2, 1 - (2 * A1), A1, W1 / 2, A1, 1 - (2 * A1), W1 / 2,
        A2, A2, W2 / 2, 1 - (2 * A2), A2, W2 / 2, A2, 1 - (2 * A2), W2 / 2,
    ];

    /// <summary>Tri3 (n = 3) or Tri6 (n = 6) shape functions and natural derivatives (2 per node) at (xi, eta).</summary>
    public static void Shape(int n, double xi, double eta, Span<double> shape, Span<double> d)
    {
        var l0 = 1 - xi - eta;
        if (n == 3)
        {
            shape[0] = l0;
            shape[1] = xi;
            shape[2] = eta;
            d[0] = -1;
            d[1] = -1;
            d[2] = 1;
            d[3] = 0;
            d[4] = 0;
            d[5] = 1;
            return;
        }

        shape[0] = l0 * ((2 * l0) - 1);
        shape[1] = xi * ((2 * xi) - 1);
        shape[2] = eta * ((2 * eta) - 1);
        shape[3] = 4 * l0 * xi;
        shape[4] = 4 * xi * eta;
        shape[5] = 4 * eta * l0;
        d[0] = 1 - (4 * l0);
        d[1] = 1 - (4 * l0);
        d[2] = (4 * xi) - 1;
        d[3] = 0;
        d[4] = 0;
        d[5] = (4 * eta) - 1;
        d[6] = 4 * (l0 - xi);
        d[7] = -4 * xi;
        d[8] = 4 * eta;
        d[9] = 4 * xi;
        d[10] = -4 * eta;
        d[11] = 4 * (l0 - eta);
    }
}
