using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// The tabulated rules of every element type. Stiffness rules follow CalculiX (C3D4 1 point, C3D10 4,
/// C3D8 2x2x2, C3D20 3x3x3, C3D20R 2x2x2, C3D6 centroid x 2, C3D15 3 x 3); mass rules integrate the consistent
/// mass of an undistorted element exactly (C3D10 by a 36-point collapsed-cube rule, C3D15 by 6 x 3 points).
/// </summary>
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
        HexahedronShapes.NodeCoordinates[..24]);

    public static readonly ElementRuleSet Hex20 = new(
        ElementType.Hex20,
        HexahedronShapes.Serendipity,
        ProductRules.Hexahedron(3),
        ProductRules.Hexahedron(3),
        Triquadratic,
        HexahedronShapes.NodeCoordinates[..24]);

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

    private static void Triquadratic(double r, double s, double t, double[] b)
    {
        var k = 0;
        for (var c = 0; c < 3; c++)
        {
            var tc = c == 0 ? 1 : c == 1 ? t : t * t;
            for (var bb = 0; bb < 3; bb++)
            {
                var sb = bb == 0 ? 1 : bb == 1 ? s : s * s;
                for (var a = 0; a < 3; a++)
                {
                    var ra = a == 0 ? 1 : a == 1 ? r : r * r;
                    b[k++] = ra * sb * tc;
                }
            }
        }
    }
}
