using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>Continuous refinement of the grid's hyperparameters by marginal likelihood.</summary>
public sealed partial class GaussianProcessRegressor
{
    private const double MinimumExponent = 0, MaximumExponent = 1.5, MinimumNoise = 1e-8, MaximumNoise = 1;

    /// <summary>
    /// Refines a grid point (scale exponent, length scale, nugget) by minimising the profile negative log marginal
    /// likelihood <c>n/2 ln(y^T K^-1 y / n) + 1/2 ln det K</c> with the Nelder-Mead simplex (Nelder and Mead 1965) in
    /// <c>(e, ln l, ln nugget)</c>; the exponent is kept in [0, 1.5] and the nugget in [1e-8, 1]. The linear weight of
    /// the grid point stays as it is.
    /// </summary>
    /// <returns>The refined exponent, length scale and nugget (the grid point itself if nothing better was found).</returns>
    private static (double Exponent, double LengthScale, double Noise) OptimiseMarginalLikelihood(GaussianProcessOptions options, IReadOnlyList<double[]> x, double[] center, double[] sd,
        (double E, double L, double N, double B) start, double[] yz)
    {
        var n = x.Count;
        double Objective(double[] theta)
        {
            var (e, l, noise) = Decode(theta);
            var z = Scaled(x, center, Scale(sd, e));
            var products = start.B != 0 ? Products(z).Products : null;
            try
            {
                var factor = DenseCholesky.Of(Kernel(options.Kernel, Distances(z), products, start.B, n, l, noise), n);
                var alpha = factor.Solve(yz);
                double yKy = 0;
                for (var i = 0; i < n; i++)
                {
                    yKy += yz[i] * alpha[i];
                }

                return yKy > 0 ? (0.5 * n * Math.Log(yKy / n)) + (0.5 * factor.LogDeterminant()) : double.PositiveInfinity;
            }
            catch (ArgumentException)
            {
                return double.PositiveInfinity;
            }
        }

        double[] theta0 = [start.E, Math.Log(start.L), Math.Log(start.N)];
        var best = NelderMead(Objective, theta0, [0.25, 0.7, 1.2], options.OptimiseEvaluations);
        return Decode(best);
    }

    private static (double Exponent, double LengthScale, double Noise) Decode(double[] theta) =>
        (Math.Clamp(theta[0], MinimumExponent, MaximumExponent), Math.Exp(theta[1]), Math.Exp(Math.Clamp(theta[2], Math.Log(MinimumNoise), Math.Log(MaximumNoise))));

    /// <summary>
    /// Nelder-Mead minimisation with the standard coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2),
    /// stopped after <paramref name="evaluations"/> objective evaluations or when the simplex's values agree to 1e-6.
    /// </summary>
    internal static double[] NelderMead(Func<double[], double> f, double[] start, double[] steps, int evaluations)
    {
        var d = start.Length;
        var points = new double[d + 1][];
        var values = new double[d + 1];
        points[0] = (double[])start.Clone();
        values[0] = f(points[0]);
        for (var j = 0; j < d; j++)
        {
            points[j + 1] = (double[])start.Clone();
            points[j + 1][j] += steps[j];
            values[j + 1] = f(points[j + 1]);
        }

        var used = d + 1;
        var order = new int[d + 1];
        while (used < evaluations)
        {
            for (var k = 0; k <= d; k++)
            {
                order[k] = k;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var (bestIndex, worst, second) = (order[0], order[d], order[d - 1]);
            if (Math.Abs(values[worst] - values[bestIndex]) < 1e-6)
            {
                break;
            }

            var centroid = new double[d];
            foreach (var k in order.AsSpan(0, d))
            {
                for (var j = 0; j < d; j++)
                {
                    centroid[j] += points[k][j] / d;
                }
            }

            double[] Along(double t)
            {
                var p = new double[d];
                for (var j = 0; j < d; j++)
                {
                    p[j] = centroid[j] + (t * (points[worst][j] - centroid[j]));
                }

                return p;
            }

            var reflected = Along(-1);
            var fr = f(reflected);
            used++;
            if (fr < values[bestIndex])
            {
                var expanded = Along(-2);
                var fe = f(expanded);
                used++;
                (points[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[second])
            {
                (points[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[worst] ? Along(-0.5) : Along(0.5);
                var fc = f(contracted);
                used++;
                if (fc < Math.Min(fr, values[worst]))
                {
                    (points[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    // Shrink every point towards the best one.
                    for (var k = 0; k <= d; k++)
                    {
                        if (k == bestIndex)
                        {
                            continue;
                        }

                        for (var j = 0; j < d; j++)
                        {
                            points[k][j] = points[bestIndex][j] + (0.5 * (points[k][j] - points[bestIndex][j]));
                        }

                        values[k] = f(points[k]);
                        used++;
                    }
                }
            }
        }

        var argmin = 0;
        for (var k = 1; k <= d; k++)
        {
            if (values[k] < values[argmin])
            {
                argmin = k;
            }
        }

        return points[argmin];
    }
}
