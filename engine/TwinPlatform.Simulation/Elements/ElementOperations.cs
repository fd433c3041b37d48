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
        where TKernel : struct, IElementKernel
    {
        var n = kernel.NodeCount;
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        kernel.EvaluateShape(r, s, t, shape, d);
        double x = 0, y = 0, z = 0;
        for (var a = 0; a < n; a++)
        {
            x += shape[a] * xyz[3 * a];
            y += shape[a] * xyz[(3 * a) + 1];
            z += shape[a] * xyz[(3 * a) + 2];
        }

        return new Vector3d(x, y, z);
    }

    /// <summary>
    /// Displacement (3) and strain tensor (6) at natural point (r, s, t) for nodal displacements
    /// <paramref name="ue"/>; false if the Jacobian is not positive there.
    /// </summary>
    public static bool EvaluateAt<TKernel>(TKernel kernel, ReadOnlySpan<double> xyz, ReadOnlySpan<double> ue, double r, double s, double t, Span<double> displacement, Span<double> strain)
        where TKernel : struct, IElementKernel
    {
        var n = kernel.NodeCount;
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * MaxNodes];
        kernel.EvaluateShape(r, s, t, shape, d);
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
    /// Natural coordinates of physical point <paramref name="p"/>: the affine map of the corners gives the
    /// start, Newton iteration on the isoparametric map refines it (exact in one step for straight-sided
    /// elements). Returns false if the iteration does not settle (point far outside a distorted element).
    /// </summary>
    public static bool InverseMap<TKernel>(TKernel kernel, ReadOnlySpan<double> xyz, Vector3d p, Span<double> natural)
        where TKernel : struct, IElementKernel
    {
        // Start: affine map through the four corners (tetrahedra: corners 0..3).
        Span<double> inverse = stackalloc double[9];
        var det = IsoparametricMath.Jacobian(4, CornerDerivatives, xyz, inverse);
        if (!(det > 0))
        {
            return false;
        }

        double dx = p.X - xyz[0], dy = p.Y - xyz[1], dz = p.Z - xyz[2];
        var r = (inverse[0] * dx) + (inverse[1] * dy) + (inverse[2] * dz);
        var s = (inverse[3] * dx) + (inverse[4] * dy) + (inverse[5] * dz);
        var t = (inverse[6] * dx) + (inverse[7] * dy) + (inverse[8] * dz);
        var n = kernel.NodeCount;
        if (n == 4)
        {
            natural[0] = r;
            natural[1] = s;
            natural[2] = t;
            return true;
        }

        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            kernel.EvaluateShape(r, s, t, shape, d);
            double x = 0, y = 0, z = 0;
            for (var a = 0; a < n; a++)
            {
                x += shape[a] * xyz[3 * a];
                y += shape[a] * xyz[(3 * a) + 1];
                z += shape[a] * xyz[(3 * a) + 2];
            }

            det = IsoparametricMath.Jacobian(n, d[..(3 * n)], xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            dx = p.X - x;
            dy = p.Y - y;
            dz = p.Z - z;
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

    /// <summary>The smallest barycentric coordinate of (r, s, t): non-negative inside the tetrahedron.</summary>
    public static double MinBarycentric(double r, double s, double t) => Math.Min(Math.Min(1 - r - s - t, r), Math.Min(s, t));

    /// <summary>
    /// Integrals of the shape functions over the element, ∫ N_a dV (with the kernel's quadrature), into
    /// <paramref name="integrals"/>; returns the volume, or NaN if the element is inverted.
    /// </summary>
    public static double IntegrateShape<TKernel>(TKernel kernel, ReadOnlySpan<double> xyz, Span<double> integrals)
        where TKernel : struct, IElementKernel
    {
        var n = kernel.NodeCount;
        Span<double> shape = stackalloc double[MaxNodes];
        Span<double> d = stackalloc double[3 * MaxNodes];
        Span<double> inverse = stackalloc double[9];
        integrals[..n].Clear();
        var volume = 0.0;
        for (var p = 0; p < kernel.IntegrationPointCount; p++)
        {
            var ip = kernel.GetIntegrationPoint(p);
            kernel.EvaluateShape(ip.R, ip.S, ip.T, shape, d);
            var det = IsoparametricMath.Jacobian(n, d[..(3 * n)], xyz, inverse);
            if (!(det > 0))
            {
                return double.NaN;
            }

            var w = ip.Weight * det;
            volume += w;
            for (var a = 0; a < n; a++)
            {
                integrals[a] += w * shape[a];
            }
        }

        return volume;
    }
}
