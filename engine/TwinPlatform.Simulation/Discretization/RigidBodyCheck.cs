using System.Globalization;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// Checks that the constrained dofs suppress all six rigid-body modes (three translations, three
/// rotations about the centroid). Mode m is restrained if some constrained dof moves under it; the test is
/// the rank of G = sum over constrained dofs of r rᵀ, with r the six mode values at that dof (rotations
/// scaled by the model size so that G is dimensionless).
/// </summary>
/// <remarks>
/// This is a necessary condition for a non-singular K_ff of a connected mesh; a part not connected to the
/// supported one is caught later by the solver's positive-definiteness checks.
/// </remarks>
internal static class RigidBodyCheck
{
    private const double RankTolerance = 1e-9;

    public static void Verify(Mesh mesh, DofMap dofs)
    {
        if (dofs.ConstrainedCount == 0)
        {
            throw new ModelException(
                "the model has no supports: no degree of freedom is constrained, so all 6 rigid-body motions " +
                "(translation along x, y, z and rotation about x, y, z) are free; fix at least one surface (model.Fix(\"name\")) " +
                "or prescribe enough components to restrain them");
        }

        var bounds = mesh.Bounds();
        var center = bounds.Center;
        var scale = Math.Max(bounds.Diagonal, double.Epsilon);
        var g = new double[36];
        Span<double> r = stackalloc double[6];
        foreach (var dof in dofs.ConstrainedDofs)
        {
            var node = dof / 3;
            var component = dof % 3;
            var dx = (mesh.X[node] - center.X) / scale;
            var dy = (mesh.Y[node] - center.Y) / scale;
            var dz = (mesh.Z[node] - center.Z) / scale;
            r.Clear();
            r[component] = 1;

            // Rotation about axis e_k: u = e_k x d. x-rotation (0, -dz, dy); y: (dz, 0, -dx); z: (-dy, dx, 0).
            switch (component)
            {
                case 0:
                    r[4] = dz;
                    r[5] = -dy;
                    break;
                case 1:
                    r[3] = -dz;
                    r[5] = dx;
                    break;
                default:
                    r[3] = dy;
                    r[4] = -dx;
                    break;
            }

            for (var i = 0; i < 6; i++)
            {
                for (var j = 0; j < 6; j++)
                {
                    g[(6 * i) + j] += r[i] * r[j];
                }
            }
        }

        var values = new double[6];
        var vectors = new double[36];
        SymmetricEigen.Jacobi(g, 6, values, vectors);
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var free = new List<string>();
        for (var m = 0; m < 6; m++)
        {
            if (values[m] <= RankTolerance * max)
            {
                free.Add(Describe(vectors, m));
            }
        }

        if (free.Count > 0)
        {
            throw new ModelException(
                $"the supports leave {free.Count} rigid-body motion{(free.Count == 1 ? string.Empty : "s")} free: {string.Join("; ", free)}. " +
                $"The {dofs.ConstrainedCount} constrained degrees of freedom must restrain all 6 rigid-body modes; fix more components or another surface");
        }
    }

    private static string Describe(double[] vectors, int mode)
    {
        // Column `mode` of the eigenvector matrix: 3 translation and 3 rotation weights.
        double tx = vectors[mode], ty = vectors[6 + mode], tz = vectors[12 + mode];
        double rx = vectors[18 + mode], ry = vectors[24 + mode], rz = vectors[30 + mode];
        var t = Math.Sqrt((tx * tx) + (ty * ty) + (tz * tz));
        var rot = Math.Sqrt((rx * rx) + (ry * ry) + (rz * rz));
        return rot > t
            ? $"rotation about an axis along {Direction(rx / rot, ry / rot, rz / rot)}"
            : $"translation along {Direction(tx / t, ty / t, tz / t)}";
    }

    private static string Direction(double x, double y, double z)
    {
        // Name a coordinate axis when the direction is one.
        if (Math.Abs(x) > 0.999)
        {
            return "x";
        }

        if (Math.Abs(y) > 0.999)
        {
            return "y";
        }

        if (Math.Abs(z) > 0.999)
        {
            return "z";
        }

        return string.Create(CultureInfo.InvariantCulture, $"({x:F3}, {y:F3}, {z:F3})");
    }
}
