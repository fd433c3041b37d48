using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// The tabulated rules of every element type. Stiffness rules follow CalculiX (C3D4 1 point, C3D10 4,
/// C3D8 2x2x2, C3D20 3x3x3, C3D20R 2x2x2, C3D6 centroid x 2, C3D15 3 x 3); mass rules integrate the consistent
/// mass of an undistorted element exactly (C3D10 by a 36-point collapsed-cube rule, C3D15 by 6 x 3 points).
/// </summary>
/// <remarks>
/// Temperature of the thermal strain, as in CalculiX (e_c3d.f, lintemp.f): the displacement field of a fully
/// integrated hexahedron cannot follow a thermal strain of the same order as its temperature interpolation, which
/// would give spurious stresses. C3D8 therefore takes the element's mean nodal temperature at every point (a constant
/// thermal strain); C3D20 takes the trilinear field through the quadratic temperature at the 8 points of the
/// 2x2x2 Gauss rule, evaluated at its 27 points. The other types interpolate the temperature with their shape functions.
/// Nodal values from point values: C3D20 fits its 20 shape functions to the 27 point values by least squares and
/// evaluates the fit at all its nodes (as CalculiX); the other types extrapolate to the corners through a polynomial
/// with one term per point, and a mid-edge node takes the mean of its edge's corners.
/// </remarks>
internal static class ElementRules
{
    public static readonly ElementRuleSet Tet4 = new(
        ElementType.Tet4,
        TetrahedronShapes.Linear,
        [TetrahedronQuadrature.Centroid],
        FourPoint(),
        static (r, s, t, b) => b[0] = 1,
        TetrahedronShapes.NodeCoordinates[..12]);

    public static readonly ElementRuleSet Tet10 = new(
        ElementType.Tet10,
        TetrahedronShapes.Quadratic,
        FourPoint(),
        ProductRules.CollapsedTetrahedron(3, 3, 4),
        static (r, s, t, b) =>
        {
            b[0] = 1;
            b[1] = r;
            b[2] = s;
            b[3] = t;
        },
        TetrahedronShapes.NodeCoordinates[..12]);

    public static readonly ElementRuleSet Hex8 = new(
        ElementType.Hex8,
        HexahedronShapes.Linear,
        ProductRules.Hexahedron(2),
        ProductRules.Hexahedron(2),
        Trilinear,
        HexahedronShapes.NodeCoordinates[..24],
        MeanTemperature(8, 8));

    public static readonly ElementRuleSet Hex20 = new(
        ElementType.Hex20,
        HexahedronShapes.Serendipity,
        ProductRules.Hexahedron(3),
        ProductRules.Hexahedron(3),
        null,
        HexahedronShapes.NodeCoordinates[..24],
        TrilinearTemperature(),
        fitAllNodes: true);

    public static readonly ElementRuleSet Hex20Reduced = new(
        ElementType.Hex20Reduced,
        HexahedronShapes.Serendipity,
        ProductRules.Hexahedron(2),
        ProductRules.Hexahedron(3),
        Trilinear,
        HexahedronShapes.NodeCoordinates[..24]);

    public static readonly ElementRuleSet Wedge6 = new(
        ElementType.Wedge6,
        WedgeShapes.Linear,
        ProductRules.Wedge(TriangleQuadrature.Centroid, 2),
        ProductRules.Wedge(TriangleQuadrature.Degree2, 2),
        static (r, s, t, b) =>
        {
            b[0] = 1;
            b[1] = t;
        },
        WedgeShapes.NodeCoordinates[..18]);

    public static readonly ElementRuleSet Wedge15 = new(
        ElementType.Wedge15,
        WedgeShapes.Quadratic,
        ProductRules.Wedge(TriangleQuadrature.Degree2, 3),
        ProductRules.Wedge(TriangleQuadrature.Degree4, 3),
        static (r, s, t, b) =>
        {
            // {1, r, s} x {1, t, t^2}: linear in the triangle, quadratic through the 3 Gauss levels.
            for (var k = 0; k < 3; k++)
            {
                var tk = k == 0 ? 1 : k == 1 ? t : t * t;
                b[3 * k] = tk;
                b[(3 * k) + 1] = r * tk;
                b[(3 * k) + 2] = s * tk;
            }
        },
        WedgeShapes.NodeCoordinates[..18]);

    /// <summary>The rule set of <paramref name="type"/>.</summary>
    public static ElementRuleSet Of(ElementType type) => type switch
    {
        ElementType.Tet4 => Tet4,
        ElementType.Tet10 => Tet10,
        ElementType.Hex8 => Hex8,
        ElementType.Hex20 => Hex20,
        ElementType.Hex20Reduced => Hex20Reduced,
        ElementType.Wedge6 => Wedge6,
        ElementType.Wedge15 => Wedge15,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Weights 1/n at each of <paramref name="points"/> points: the element's mean nodal temperature.</summary>
    private static double[] MeanTemperature(int nodes, int points)
    {
        var w = new double[nodes * points];
        Array.Fill(w, 1.0 / nodes);
        return w;
    }

    /// <summary>
    /// C3D20: the serendipity temperature sampled at the 2x2x2 Gauss points g and interpolated trilinearly through them,
    /// at each 3x3x3 point p: w[p, a] = sum_g L_g(p) N_a(g), L_g the trilinear functions of the cube with corners at
    /// (+-1/sqrt 3)^3 (the same numbers as lintemp.f of CalculiX).
    /// </summary>
    private static double[] TrilinearTemperature()
    {
        var fine = ProductRules.Hexahedron(3);
        var coarse = ProductRules.Hexahedron(2);
        var g = Math.Abs(coarse[0].R);
        var w = new double[20 * fine.Length];
        Span<double> serendipity = stackalloc double[20];
        Span<double> unused = stackalloc double[60];
        Span<double> linear = stackalloc double[8];
        Span<double> linearDerivatives = stackalloc double[24];
        Span<double> corners = stackalloc double[24];
        HexahedronShapes.NodeCoordinates[..24].CopyTo(corners);
        for (var p = 0; p < fine.Length; p++)
        {
            HexahedronShapes.Linear(fine[p].R / g, fine[p].S / g, fine[p].T / g, linear, linearDerivatives);
            for (var c = 0; c < 8; c++)
            {
                // The Gauss point of the small cube's corner c.
                HexahedronShapes.Serendipity(corners[3 * c] * g, corners[(3 * c) + 1] * g, corners[(3 * c) + 2] * g, serendipity, unused);
                for (var a = 0; a < 20; a++)
                {
                    w[(p * 20) + a] += linear[c] * serendipity[a];
                }
            }
        }

        return w;
    }

    private static IntegrationPoint[] FourPoint() =>
        [TetrahedronQuadrature.FourPoint(0), TetrahedronQuadrature.FourPoint(1), TetrahedronQuadrature.FourPoint(2), TetrahedronQuadrature.FourPoint(3)];

    private static void Trilinear(double r, double s, double t, double[] b)
    {
        b[0] = 1;
        b[1] = r;
        b[2] = s;
        b[3] = t;
        b[4] = r * s;
        b[5] = s * t;
        b[6] = t * r;
        b[7] = r * s * t;
    }
}
