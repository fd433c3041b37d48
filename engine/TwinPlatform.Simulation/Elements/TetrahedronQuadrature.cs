namespace TwinPlatform.Simulation.Elements;

/// <summary>Quadrature rules on the reference tetrahedron (volume 1/6), natural coordinates r, s, t.</summary>
internal static class TetrahedronQuadrature
{
    /// <summary>Barycentric coordinate of the 4-point rule's own vertex: (5 + 3 sqrt 5) / 20.</summary>
    public const double A4 = 0.5854101966249685;

    /// <summary>Barycentric coordinate of the 4-point rule's other vertices: (5 - sqrt 5) / 20.</summary>
    public const double B4 = 0.1381966011250105;

    /// <summary>Weight of each point of the 4-point rule (degree 2 exact).</summary>
    public const double W4 = 1.0 / 24.0;

    /// <summary>
    /// Point <paramref name="index"/> of the 4-point rule: point k sits nearest corner k (barycentric
    /// coordinate <see cref="A4"/> for corner k, <see cref="B4"/> for the others).
    /// </summary>
    public static IntegrationPoint FourPoint(int index) => index switch
    {
        0 => new(B4, B4, B4, W4),
        1 => new(A4, B4, B4, W4),
        2 => new(B4, A4, B4, W4),
        3 => new(B4, B4, A4, W4),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The 1-point centroid rule (degree 1 exact).</summary>
    public static IntegrationPoint Centroid => new(0.25, 0.25, 0.25, 1.0 / 6.0);
}
