using System.Runtime.CompilerServices;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Shared isoparametric routines for the kernels: Jacobian, physical gradients, isotropic stiffness and
/// strain accumulation. Node data are interleaved xyz; gradients are 3 per node.
/// </summary>
internal static class IsoparametricMath
{
    /// <summary>
    /// Jacobian J[i, j] = d x_i / d xi_j = sum_a x_a,i dN_a/dxi_j, its inverse (row-major into
    /// <paramref name="inverse"/>) and determinant.
    /// </summary>
    public static double Jacobian(int n, ReadOnlySpan<double> naturalDerivatives, ReadOnlySpan<double> xyz, Span<double> inverse)
    {
        double j00 = 0, j01 = 0, j02 = 0, j10 = 0, j11 = 0, j12 = 0, j20 = 0, j21 = 0, j22 = 0;
        for (var a = 0; a < n; a++)
        {
            double dr = naturalDerivatives[3 * a], ds = naturalDerivatives[(3 * a) + 1], dt = naturalDerivatives[(3 * a) + 2];
            double x = xyz[3 * a], y = xyz[(3 * a) + 1], z = xyz[(3 * a) + 2];
            j00 += x * dr;
            j01 += x * ds;
            j02 += x * dt;
            j10 += y * dr;
            j11 += y * ds;
            j12 += y * dt;
            j20 += z * dr;
            j21 += z * ds;
            j22 += z * dt;
        }

        var c00 = (j11 * j22) - (j12 * j21);
        var c01 = (j12 * j20) - (j10 * j22);
        var c02 = (j10 * j21) - (j11 * j20);
        var det = (j00 * c00) + (j01 * c01) + (j02 * c02);
        var inv = 1.0 / det;
        inverse[0] = c00 * inv;
        inverse[1] = ((j02 * j21) - (j01 * j22)) * inv;
        inverse[2] = ((j01 * j12) - (j02 * j11)) * inv;
        inverse[3] = c01 * inv;
        inverse[4] = ((j00 * j22) - (j02 * j20)) * inv;
        inverse[5] = ((j02 * j10) - (j00 * j12)) * inv;
        inverse[6] = c02 * inv;
        inverse[7] = ((j01 * j20) - (j00 * j21)) * inv;
        inverse[8] = ((j00 * j11) - (j01 * j10)) * inv;
        return det;
    }

    /// <summary>Physical gradients dN_a/dx_i = sum_j dN_a/dxi_j (J^-1)[j, i].</summary>
    public static void Gradients(int n, ReadOnlySpan<double> naturalDerivatives, ReadOnlySpan<double> inverse, Span<double> gradients)
    {
        for (var a = 0; a < n; a++)
        {
            double dr = naturalDerivatives[3 * a], ds = naturalDerivatives[(3 * a) + 1], dt = naturalDerivatives[(3 * a) + 2];
            gradients[3 * a] = (dr * inverse[0]) + (ds * inverse[3]) + (dt * inverse[6]);
            gradients[(3 * a) + 1] = (dr * inverse[1]) + (ds * inverse[4]) + (dt * inverse[7]);
            gradients[(3 * a) + 2] = (dr * inverse[2]) + (ds * inverse[5]) + (dt * inverse[8]);
        }
    }

    /// <summary>
    /// Isotropic elastic stiffness integrated over the points whose natural derivatives are tabulated in
    /// <paramref name="pointDerivatives"/> (3n per point). Node block (a, b) of B^T D B is
    /// K_ij = lambda g_a,i g_b,j + mu g_a,j g_b,i + mu delta_ij (g_a . g_b).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Stiffness(
        int n,
        ReadOnlySpan<double> pointDerivatives,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<double> xyz,
        double lambda,
        double mu,
        Span<double> ke)
    {
        var size = 3 * n;
        ke[..(size * size)].Clear();
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * n];
        for (var p = 0; p < weights.Length; p++)
        {
            var det = Jacobian(n, pointDerivatives.Slice(p * 3 * n, 3 * n), xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            Gradients(n, pointDerivatives.Slice(p * 3 * n, 3 * n), inverse, g);
            var w = weights[p] * det;
            var lw = lambda * w;
            var mw = mu * w;
            for (var a = 0; a < n; a++)
            {
                double ax = g[3 * a], ay = g[(3 * a) + 1], az = g[(3 * a) + 2];
                var row0 = 3 * a * size;
                for (var b = a; b < n; b++)
                {
                    double bx = g[3 * b], by = g[(3 * b) + 1], bz = g[(3 * b) + 2];
                    var dot = mw * ((ax * bx) + (ay * by) + (az * bz));
                    var r0 = row0 + (3 * b);
                    var r1 = r0 + size;
                    var r2 = r1 + size;
                    ke[r0] += (lw * ax * bx) + (mw * ax * bx) + dot;
                    ke[r0 + 1] += (lw * ax * by) + (mw * ay * bx);
                    ke[r0 + 2] += (lw * ax * bz) + (mw * az * bx);
                    ke[r1] += (lw * ay * bx) + (mw * ax * by);
                    ke[r1 + 1] += (lw * ay * by) + (mw * ay * by) + dot;
                    ke[r1 + 2] += (lw * ay * bz) + (mw * az * by);
                    ke[r2] += (lw * az * bx) + (mw * ax * bz);
                    ke[r2 + 1] += (lw * az * by) + (mw * ay * bz);
                    ke[r2 + 2] += (lw * az * bz) + (mw * az * bz) + dot;
                }
            }
        }

        // Mirror the upper node blocks into the lower ones (K is symmetric).
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < (i / 3) * 3; j++)
            {
                ke[(i * size) + j] = ke[(j * size) + i];
            }
        }

        return true;
    }

    /// <summary>Strain tensor (xx, yy, zz, xy, yz, zx) from physical gradients and nodal displacements.</summary>
    public static void Strain(int n, ReadOnlySpan<double> gradients, ReadOnlySpan<double> u, Span<double> strain)
    {
        double exx = 0, eyy = 0, ezz = 0, exy = 0, eyz = 0, ezx = 0;
        for (var a = 0; a < n; a++)
        {
            double gx = gradients[3 * a], gy = gradients[(3 * a) + 1], gz = gradients[(3 * a) + 2];
            double ux = u[3 * a], uy = u[(3 * a) + 1], uz = u[(3 * a) + 2];
            exx += ux * gx;
            eyy += uy * gy;
            ezz += uz * gz;
            exy += (ux * gy) + (uy * gx);
            eyz += (uy * gz) + (uz * gy);
            ezx += (uz * gx) + (ux * gz);
        }

        strain[0] = exx;
        strain[1] = eyy;
        strain[2] = ezz;
        strain[3] = 0.5 * exy;
        strain[4] = 0.5 * eyz;
        strain[5] = 0.5 * ezx;
    }

    /// <summary>Strains at every tabulated point; false if a Jacobian determinant is not positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Strains(int n, ReadOnlySpan<double> pointDerivatives, int points, ReadOnlySpan<double> xyz, ReadOnlySpan<double> u, Span<double> strains)
    {
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * n];
        for (var p = 0; p < points; p++)
        {
            var d = pointDerivatives.Slice(p * 3 * n, 3 * n);
            var det = Jacobian(n, d, xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            Gradients(n, d, inverse, g);
            Strain(n, g, u, strains.Slice(6 * p, 6));
        }

        return true;
    }
}
