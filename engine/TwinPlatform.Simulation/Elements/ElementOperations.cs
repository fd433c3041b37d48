using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>Allocation-free element operations generic over the kernel: gather, point evaluation, inverse map, shape integrals.</summary>
internal static class ElementOperations
{
    /// <summary>Largest number of nodes of any supported element (stack buffers are sized by it).</summary>
    public const int MaxNodes = 20;

    // Natural derivatives of the linear corner functions of a tetrahedron.
    private static ReadOnlySpan<double> CornerDerivatives => [-1, -1, -1, 1, 0, 0, 0, 1, 0, 0, 0, 1];

    /// <summary>Copies the coordinates of <paramref name="nodes"/> into interleaved xyz.</summary>
    public static void GatherCoordinates(Mesh mesh, ReadOnlySpan<int> nodes, Span<double> xyz)
    {
        double[] x = mesh.X, y = mesh.Y, z = mesh.Z;
        for (var a = 0; a < nodes.Length; a++)
        {
            var n = nodes[a];
            xyz[3 * a] = x[n];
            xyz[(3 * a) + 1] = y[n];
            xyz[(3 * a) + 2] = z[n];
        }
    }

    /// <summary>Copies the 3-component nodal vector of <paramref name="nodes"/> from an interleaved field.</summary>
    public static void GatherVector(ReadOnlySpan<double> field, ReadOnlySpan<int> nodes, Span<double> values)
    {
        for (var a = 0; a < nodes.Length; a++)
        {
            var n = 3 * nodes[a];
            values[3 * a] = field[n];
            values[(3 * a) + 1] = field[n + 1];
            values[(3 * a) + 2] = field[n + 2];
        }
    }

    /// <summary>Physical position of natural point (r, s, t).</summary>
    public static Vector3d Position<TKernel>(TKernel kernel, ReadOnlySpan<double> xyz, double r, double s, double t)
        where TKernel : struct, IElementKernel => Position(ElementRules.Of(kernel.ElementType), xyz, r, s, t);

    /// <summary>Physical position of natural point (r, s, t).</summary>
    public static Vector3d Position(ElementRuleSet rules, ReadOnlySpan<double> xyz, double r, double s, double t)
    {
        var n = rules.NodeCount;
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        rules.Shape(r, s, t, shape, d);
        double x = 0, y = 0, z = 0;
        for (var a = 0; a < n; a++)
        {
            x += shape[a] * xyz[3 * a];
            y += shape[a] * xyz[(3 * a) + 1];
            z += shape[a] * xyz[(3 * a) + 2];
        }

        return new Vector3d(x, y, z);
    }

    /// <summary>Value of a nodal scalar (one value per element node) at natural point (r, s, t).</summary>
    public static double Interpolate(ElementRuleSet rules, ReadOnlySpan<double> nodal, double r, double s, double t)
    {
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        rules.Shape(r, s, t, shape, d);
        var v = 0.0;
        for (var a = 0; a < rules.NodeCount; a++)
        {
            v += shape[a] * nodal[a];
        }

        return v;
    }

    /// <summary>
    /// Displacement (3) and strain tensor (6) at natural point (r, s, t) for nodal displacements
    /// <paramref name="ue"/>; false if the Jacobian is not positive there.
    /// </summary>
    public static bool EvaluateAt(ElementRuleSet rules, ReadOnlySpan<double> xyz, ReadOnlySpan<double> ue, double r, double s, double t, Span<double> displacement, Span<double> strain)
    {
        var n = rules.NodeCount;
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * MaxNodes];
        rules.Shape(r, s, t, shape, d);
        double ux = 0, uy = 0, uz = 0;
        for (var a = 0; a < n; a++)
        {
            ux += shape[a] * ue[3 * a];
            uy += shape[a] * ue[(3 * a) + 1];
            uz += shape[a] * ue[(3 * a) + 2];
        }

        displacement[0] = ux;
        displacement[1] = uy;
        displacement[2] = uz;
        var det = IsoparametricMath.Jacobian(n, d[..(3 * n)], xyz, inverse);
        if (!(det > 0))
        {
            return false;
        }

        IsoparametricMath.Gradients(n, d[..(3 * n)], inverse, g);
        IsoparametricMath.Strain(n, g, ue, strain);
        return true;
    }

    /// <summary>
    /// Natural coordinates of physical point <paramref name="p"/>: a start guess (tetrahedra: the affine map of
    /// the corners, exact for straight-sided ones; hexahedra and wedges: the centre), refined by Newton iteration on
    /// the isoparametric map. Returns false if the iteration does not settle (point far outside a distorted element).
    /// </summary>
    public static bool InverseMap<TKernel>(TKernel kernel, ReadOnlySpan<double> xyz, Vector3d p, Span<double> natural)
        where TKernel : struct, IElementKernel => InverseMap(ElementRules.Of(kernel.ElementType), xyz, p, natural);

    /// <summary>Natural coordinates of physical point <paramref name="p"/> in the element of <paramref name="rules"/> (see the generic overload).</summary>
    public static bool InverseMap(ElementRuleSet rules, ReadOnlySpan<double> xyz, Vector3d p, Span<double> natural)
    {
        Span<double> inverse = stackalloc double[9];
        var shapeKind = ElementTopology.Shape(rules.Type);
        double r, s, t;
        if (shapeKind == ReferenceShape.Tetrahedron)
        {
            var det = IsoparametricMath.Jacobian(4, CornerDerivatives, xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            double dx0 = p.X - xyz[0], dy0 = p.Y - xyz[1], dz0 = p.Z - xyz[2];
            r = (inverse[0] * dx0) + (inverse[1] * dy0) + (inverse[2] * dz0);
            s = (inverse[3] * dx0) + (inverse[4] * dy0) + (inverse[5] * dz0);
            t = (inverse[6] * dx0) + (inverse[7] * dy0) + (inverse[8] * dz0);
            if (rules.NodeCount == 4)
            {
                natural[0] = r;
                natural[1] = s;
                natural[2] = t;
                return true;
            }
        }
        else
        {
            r = shapeKind == ReferenceShape.Wedge ? 1.0 / 3.0 : 0;
            s = r;
            t = 0;
        }

        var n = rules.NodeCount;
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            rules.Shape(r, s, t, shape, d);
            double x = 0, y = 0, z = 0;
            for (var a = 0; a < n; a++)
            {
                x += shape[a] * xyz[3 * a];
                y += shape[a] * xyz[(3 * a) + 1];
                z += shape[a] * xyz[(3 * a) + 2];
            }

            var det = IsoparametricMath.Jacobian(n, d[..(3 * n)], xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            double dx = p.X - x, dy = p.Y - y, dz = p.Z - z;
            var dr = (inverse[0] * dx) + (inverse[1] * dy) + (inverse[2] * dz);
            var ds = (inverse[3] * dx) + (inverse[4] * dy) + (inverse[5] * dz);
            var dt = (inverse[6] * dx) + (inverse[7] * dy) + (inverse[8] * dz);
            r += dr;
            s += ds;
            t += dt;
            if (Math.Abs(dr) + Math.Abs(ds) + Math.Abs(dt) < 1e-14)
            {
                break;
            }

            if (Math.Abs(r) + Math.Abs(s) + Math.Abs(t) > 10)
            {
                return false;
            }
        }

        natural[0] = r;
        natural[1] = s;
        natural[2] = t;
        return true;
    }

    /// <summary>
    /// How far inside the reference element (r, s, t) lies, in natural units: the smallest distance to a face
    /// coordinate bound (barycentric coordinates, 1 - |xi|); non-negative inside.
    /// </summary>
    public static double InsideMeasure(ReferenceShape shape, double r, double s, double t) => shape switch
    {
        ReferenceShape.Tetrahedron => Math.Min(Math.Min(1 - r - s - t, r), Math.Min(s, t)),
        ReferenceShape.Hexahedron => Math.Min(1 - Math.Abs(r), Math.Min(1 - Math.Abs(s), 1 - Math.Abs(t))),
        _ => Math.Min(Math.Min(1 - r - s, r), Math.Min(s, 1 - Math.Abs(t))),
    };

    /// <summary>Moves (r, s, t) onto the reference element (nearest in natural coordinates, approximately).</summary>
    public static void Clamp(ReferenceShape shape, ref double r, ref double s, ref double t)
    {
        switch (shape)
        {
            case ReferenceShape.Tetrahedron:
                {
                    var l0 = Math.Max(0, 1 - r - s - t);
                    r = Math.Max(0, r);
                    s = Math.Max(0, s);
                    t = Math.Max(0, t);
                    var sum = l0 + r + s + t;
                    r /= sum;
                    s /= sum;
                    t /= sum;
                    break;
                }

            case ReferenceShape.Hexahedron:
                r = Math.Clamp(r, -1, 1);
                s = Math.Clamp(s, -1, 1);
                t = Math.Clamp(t, -1, 1);
                break;
            default:
                {
                    var l0 = Math.Max(0, 1 - r - s);
                    r = Math.Max(0, r);
                    s = Math.Max(0, s);
                    var sum = l0 + r + s;
                    r /= sum;
                    s /= sum;
                    t = Math.Clamp(t, -1, 1);
                    break;
                }
        }
    }

    /// <summary>∫ N_a dV into <paramref name="integrals"/>; returns the volume, or NaN if the element is inverted.</summary>
    public static double IntegrateShape<TKernel>(TKernel kernel, ReadOnlySpan<double> xyz, Span<double> integrals)
        where TKernel : struct, IElementKernel => ElementIntegrals.ShapeIntegrals(ElementRules.Of(kernel.ElementType), xyz, integrals);
}
