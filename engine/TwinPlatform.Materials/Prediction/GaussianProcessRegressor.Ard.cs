using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>Automatic relevance determination: one length scale per feature, fitted by marginal likelihood.</summary>
public sealed partial class GaussianProcessRegressor
{
    /// <summary>
    /// Fits per-feature length scales <c>l_j = l exp(eta_j)</c> and the nugget from a grid point (l, nugget) by
    /// minimising the profile negative log marginal likelihood <c>n/2 log(y^T K^-1 y / n) + 1/2 log det K</c>
    /// plus the log-normal prior <c>sum eta_j^2 / (2 s^2)</c>, with Adam (Kingma and Ba 2015).
    /// </summary>
    /// <remarks>
    /// Gradient (Rasmussen and Williams 2006, eq. 5.9, with the variance profiled out):
    /// <c>d/d theta = 1/2 sum_ij W_ij dK_ij/d theta</c>, <c>W = K^-1 - (n / y^T alpha) alpha alpha^T</c>;
    /// for a stationary kernel k(r) with <c>r^2 = sum_j D_ij,j exp(-2 eta_j)</c>,
    /// <c>dK_ij/d eta_j = -k'(r) D_ij,j exp(-2 eta_j) / r</c>.
    /// </remarks>
    /// <returns>The length of each feature (in the units of <paramref name="z"/>) and the nugget.</returns>
    private static (double[] Lengths, double Noise) OptimiseArd(GaussianProcessOptions options, double[][] z, double lengthScale, double noise, double[] y)
    {
        var n = z.Length;
        var p = z[0].Length;
        var pairs = n * (n - 1) / 2;

        // Squared differences per pair and feature, in units of the grid point's length.
        var d2 = new double[pairs * p];
        var pair = 0;
        for (var i = 1; i < n; i++)
        {
            for (var k = 0; k < i; k++, pair++)
            {
                for (var j = 0; j < p; j++)
                {
                    var t = (z[i][j] - z[k][j]) / lengthScale;
                    d2[(pair * p) + j] = t * t;
                }
            }
        }

        // theta = (eta_1 .. eta_p, log nugget).
        var theta = new double[p + 1];
        theta[p] = Math.Log(noise);
        var best = (double[])theta.Clone();
        var bestValue = double.PositiveInfinity;
        var m1 = new double[p + 1];
        var m2 = new double[p + 1];
        var gradient = new double[p + 1];
        var invWidth = new double[p];
        var r = new double[pairs];
        var precision = 1 / (options.ArdPriorSd * options.ArdPriorSd);
        const double rate = 0.05, beta1 = 0.9, beta2 = 0.999;
        for (var step = 1; step <= options.ArdIterations; step++)
        {
            for (var j = 0; j < p; j++)
            {
                invWidth[j] = Math.Exp(-2 * theta[j]);
            }

            var nugget = Math.Exp(theta[p]);
            var kernel = new double[n * n];
            pair = 0;
            for (var i = 1; i < n; i++)
            {
                for (var k = 0; k < i; k++, pair++)
                {
                    double s = 0;
                    var row = d2.AsSpan(pair * p, p);
                    for (var j = 0; j < p; j++)
                    {
                        s += row[j] * invWidth[j];
                    }

                    r[pair] = Math.Sqrt(s);
                    var v = Correlation(options.Kernel, r[pair]);
                    kernel[(i * n) + k] = v;
                    kernel[(k * n) + i] = v;
                }
            }

            for (var i = 0; i < n; i++)
            {
                kernel[(i * n) + i] = 1 + nugget;
            }

            DenseCholesky factor;
            try
            {
                factor = DenseCholesky.Of(kernel, n);
            }
            catch (ArgumentException)
            {
                break;
            }

            var alpha = factor.Solve(y);
            double yAlpha = 0;
            for (var i = 0; i < n; i++)
            {
                yAlpha += y[i] * alpha[i];
            }

            double prior = 0;
            for (var j = 0; j < p; j++)
            {
                prior += 0.5 * precision * theta[j] * theta[j];
            }

            var value = (0.5 * n * Math.Log(yAlpha / n)) + (0.5 * factor.LogDeterminant()) + prior;
            if (value < bestValue)
            {
                bestValue = value;
                Array.Copy(theta, best, theta.Length);
            }

            var inverse = factor.Inverse();
            var c = n / yAlpha;
            Array.Clear(gradient);
            pair = 0;
            for (var i = 1; i < n; i++)
            {
                for (var k = 0; k < i; k++, pair++)
                {
                    if (r[pair] <= 0)
                    {
                        continue;
                    }

                    // Both (i, k) and (k, i): factor 2 cancels the 1/2.
                    var w = inverse[(i * n) + k] - (c * alpha[i] * alpha[k]);
                    var g = w * -CorrelationSlope(options.Kernel, r[pair]) / r[pair];
                    var row = d2.AsSpan(pair * p, p);
                    for (var j = 0; j < p; j++)
                    {
                        gradient[j] += g * row[j];
                    }
                }
            }

            double diagonal = 0;
            for (var i = 0; i < n; i++)
            {
                diagonal += inverse[(i * n) + i] - (c * alpha[i] * alpha[i]);
            }

            for (var j = 0; j < p; j++)
            {
                gradient[j] = (gradient[j] * invWidth[j]) + (precision * theta[j]);
            }

            gradient[p] = 0.5 * diagonal * nugget;
            for (var j = 0; j <= p; j++)
            {
                m1[j] = (beta1 * m1[j]) + ((1 - beta1) * gradient[j]);
                m2[j] = (beta2 * m2[j]) + ((1 - beta2) * gradient[j] * gradient[j]);
                var hat1 = m1[j] / (1 - Math.Pow(beta1, step));
                var hat2 = m2[j] / (1 - Math.Pow(beta2, step));
                theta[j] -= rate * hat1 / (Math.Sqrt(hat2) + 1e-8);
            }

            // Keep the nugget between 1e-6 and 1 and the multipliers within e^+-6.
            theta[p] = Math.Clamp(theta[p], Math.Log(1e-6), 0);
            for (var j = 0; j < p; j++)
            {
                theta[j] = Math.Clamp(theta[j], -6, 6);
            }
        }

        var lengths = new double[p];
        for (var j = 0; j < p; j++)
        {
            lengths[j] = lengthScale * Math.Exp(best[j]);
        }

        return (lengths, Math.Exp(best[p]));
    }

    /// <summary>dk/dr of the correlation function.</summary>
    private static double CorrelationSlope(GaussianProcessKernel kernel, double r) => kernel switch
    {
        GaussianProcessKernel.Matern32 => -3 * r * Math.Exp(-Math.Sqrt(3) * r),
        GaussianProcessKernel.Matern52 => -(5 * r / 3) * (1 + (Math.Sqrt(5) * r)) * Math.Exp(-Math.Sqrt(5) * r),
        GaussianProcessKernel.SquaredExponential => -r * Math.Exp(-0.5 * r * r),
        _ => -Math.Exp(-r),
    };
}
