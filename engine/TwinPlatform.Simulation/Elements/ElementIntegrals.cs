using System.Runtime.CompilerServices;
using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Allocation-free element integrals on the tabulated rules: shape integrals and body forces (mass rule),
/// consistent mass (mass rule), conductivity and thermal-strain forces (stiffness rule), and point values.
/// Every method returns false (or NaN) if the Jacobian determinant is not positive at some point.
/// </summary>
internal static class ElementIntegrals
{
    /// <summary>∫ N_a dV into <paramref name="integrals"/>; returns the volume, or NaN for an inverted element.</summary>
    public static double ShapeIntegrals(ElementRuleSet rules, ReadOnlySpan<double> xyz, Span<double> integrals)
    {
        var table = rules.Mass;
        var n = rules.NodeCount;
        Span<double> inverse = stackalloc double[9];
        integrals[..n].Clear();
        var volume = 0.0;
        for (var p = 0; p < table.PointCount; p++)
        {
            var det = IsoparametricMath.Jacobian(n, table.DerivativesAt(p), xyz, inverse);
            if (!(det > 0))
            {
                return double.NaN;
            }

            var w = table.Weights[p] * det;
            volume += w;
            var shape = table.ShapesAt(p);
            for (var a = 0; a < n; a++)
            {
                integrals[a] += w * shape[a];
            }
        }

        return volume;
    }

    /// <summary>
    /// Centrifugal forces f_a = ∫ N_a rho omega^2 r dV, r the distance vector from the axis through
    /// <paramref name="axisPoint"/> along unit <paramref name="axis"/>, added to <paramref name="forces"/> (3 per node).
    /// </summary>
    public static bool AddCentrifugal(ElementRuleSet rules, ReadOnlySpan<double> xyz, double densityTimesOmegaSquared, Vector3d axisPoint, Vector3d axis, Span<double> forces)
    {
        var table = rules.Mass;
        var n = rules.NodeCount;
        Span<double> inverse = stackalloc double[9];
        for (var p = 0; p < table.PointCount; p++)
        {
            var det = IsoparametricMath.Jacobian(n, table.DerivativesAt(p), xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            var shape = table.ShapesAt(p);
            double x = 0, y = 0, z = 0;
            for (var a = 0; a < n; a++)
            {
                x += shape[a] * xyz[3 * a];
                y += shape[a] * xyz[(3 * a) + 1];
                z += shape[a] * xyz[(3 * a) + 2];
            }

            var d = new Vector3d(x, y, z) - axisPoint;
            var radial = d - (d.Dot(axis) * axis);
            var w = table.Weights[p] * det * densityTimesOmegaSquared;
            for (var a = 0; a < n; a++)
            {
                var f = w * shape[a];
                forces[3 * a] += f * radial.X;
                forces[(3 * a) + 1] += f * radial.Y;
                forces[(3 * a) + 2] += f * radial.Z;
            }
        }

        return true;
    }

    /// <summary>Consistent mass rho ∫ N_a N_b dV I (3n x 3n, row-major, dof 3 node + component).</summary>
    public static bool Mass(ElementRuleSet rules, ReadOnlySpan<double> xyz, double density, Span<double> mass) =>
        Mass(rules.Mass, xyz, density, mass);

    /// <summary>rho ∫ N_a N_b dV I (3n x 3n, row-major) integrated with the rule of <paramref name="table"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Mass(ShapeTable table, ReadOnlySpan<double> xyz, double density, Span<double> mass)
    {
        var n = table.NodeCount;
        var size = 3 * n;
        Span<double> inverse = stackalloc double[9];
        Span<double> scalar = stackalloc double[n * n];
        scalar.Clear();
        for (var p = 0; p < table.PointCount; p++)
        {
            var det = IsoparametricMath.Jacobian(n, table.DerivativesAt(p), xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            var w = table.Weights[p] * det * density;
            var shape = table.ShapesAt(p);
            for (var a = 0; a < n; a++)
            {
                var wa = w * shape[a];
                for (var b = a; b < n; b++)
                {
                    scalar[(a * n) + b] += wa * shape[b];
                }
            }
        }

        mass[..(size * size)].Clear();
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var m = a <= b ? scalar[(a * n) + b] : scalar[(b * n) + a];
                for (var c = 0; c < 3; c++)
                {
                    mass[(((3 * a) + c) * size) + (3 * b) + c] = m;
                }
            }
        }

        return true;
    }

    /// <summary>Conductivity k ∫ grad N_a · grad N_b dV (n x n, row-major).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Conductivity(ElementRuleSet rules, ReadOnlySpan<double> xyz, double conductivity, Span<double> matrix)
    {
        var table = rules.Stiffness;
        var n = rules.NodeCount;
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * n];
        matrix[..(n * n)].Clear();
        for (var p = 0; p < table.PointCount; p++)
        {
            var d = table.DerivativesAt(p);
            var det = IsoparametricMath.Jacobian(n, d, xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            IsoparametricMath.Gradients(n, d, inverse, g);
            var w = table.Weights[p] * det * conductivity;
            for (var a = 0; a < n; a++)
            {
                double ax = g[3 * a], ay = g[(3 * a) + 1], az = g[(3 * a) + 2];
                for (var b = a; b < n; b++)
                {
                    matrix[(a * n) + b] += w * ((ax * g[3 * b]) + (ay * g[(3 * b) + 1]) + (az * g[(3 * b) + 2]));
                }
            }
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < a; b++)
            {
                matrix[(a * n) + b] = matrix[(b * n) + a];
            }
        }

        return true;
    }

    /// <summary>
    /// Thermal-strain forces f_a = ∫ (3 lambda + 2 mu) alpha dT grad N_a dV (stiffness rule, the equivalent of
    /// ∫ Bᵀ D eps_th) added to <paramref name="forces"/>; dT at the points from <paramref name="nodalDeltaT"/> with
    /// <see cref="ElementRuleSet.ThermalWeights"/>.
    /// </summary>
    public static bool AddThermalForces(ElementRuleSet rules, ReadOnlySpan<double> xyz, double bulkTimesAlpha3, ReadOnlySpan<double> nodalDeltaT, Span<double> forces)
    {
        var table = rules.Stiffness;
        var n = rules.NodeCount;
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * n];
        for (var p = 0; p < table.PointCount; p++)
        {
            var d = table.DerivativesAt(p);
            var det = IsoparametricMath.Jacobian(n, d, xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            var weights = rules.ThermalWeightsAt(p);
            var dT = 0.0;
            for (var a = 0; a < n; a++)
            {
                dT += weights[a] * nodalDeltaT[a];
            }

            if (dT == 0)
            {
                continue;
            }

            IsoparametricMath.Gradients(n, d, inverse, g);
            var w = table.Weights[p] * det * bulkTimesAlpha3 * dT;
            for (var k = 0; k < 3 * n; k++)
            {
                forces[k] += w * g[k];
            }
        }

        return true;
    }

    /// <summary>Temperature changes of the thermal strain at the stiffness points (<see cref="ElementRuleSet.ThermalWeights"/>).</summary>
    public static void ThermalAtPoints(ElementRuleSet rules, ReadOnlySpan<double> nodal, Span<double> values)
    {
        var n = rules.NodeCount;
        for (var p = 0; p < rules.Stiffness.PointCount; p++)
        {
            var shape = rules.ThermalWeightsAt(p);
            var v = 0.0;
            for (var a = 0; a < n; a++)
            {
                v += shape[a] * nodal[a];
            }

            values[p] = v;
        }
    }

    /// <summary>Physical gradients of a nodal scalar at the stiffness points (3 per point).</summary>
    public static bool ScalarGradients(ElementRuleSet rules, ReadOnlySpan<double> xyz, ReadOnlySpan<double> nodal, Span<double> gradients)
    {
        var table = rules.Stiffness;
        var n = rules.NodeCount;
        Span<double> inverse = stackalloc double[9];
        Span<double> g = stackalloc double[3 * n];
        for (var p = 0; p < table.PointCount; p++)
        {
            var d = table.DerivativesAt(p);
            var det = IsoparametricMath.Jacobian(n, d, xyz, inverse);
            if (!(det > 0))
            {
                return false;
            }

            IsoparametricMath.Gradients(n, d, inverse, g);
            double gx = 0, gy = 0, gz = 0;
            for (var a = 0; a < n; a++)
            {
                gx += g[3 * a] * nodal[a];
                gy += g[(3 * a) + 1] * nodal[a];
                gz += g[(3 * a) + 2] * nodal[a];
            }

            gradients[3 * p] = gx;
            gradients[(3 * p) + 1] = gy;
            gradients[(3 * p) + 2] = gz;
        }

        return true;
    }

    /// <summary>Physical positions of the stiffness points (3 per point).</summary>
    public static void PointPositions(ElementRuleSet rules, ReadOnlySpan<double> xyz, Span<double> positions)
    {
        var table = rules.Stiffness;
        var n = rules.NodeCount;
        for (var p = 0; p < table.PointCount; p++)
        {
            var shape = table.ShapesAt(p);
            double x = 0, y = 0, z = 0;
            for (var a = 0; a < n; a++)
            {
                x += shape[a] * xyz[3 * a];
                y += shape[a] * xyz[(3 * a) + 1];
                z += shape[a] * xyz[(3 * a) + 2];
            }

            positions[3 * p] = x;
            positions[(3 * p) + 1] = y;
            positions[(3 * p) + 2] = z;
        }
    }
}
