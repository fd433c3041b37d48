using System.Globalization;
using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Gaussian-process regression with a stationary kernel (exponential, that is Matern 1/2, by default;
/// <see cref="GaussianProcessKernel"/>) on scaled features: <c>k(a, b) = exp(-||(a - b) / s|| / l)</c>, feature j scaled by <c>s_j = sd_j^e</c>, a nugget
/// (noise ratio) on the diagonal, a constant mean, and the process variance estimated by maximum
/// likelihood. The scaling exponent, length scale and nugget are chosen from a grid by the
/// leave-one-group-out error on the training rows, computed in closed form.
/// With <see cref="GaussianProcessOptions.LinearWeights"/> a linear (dot-product) kernel on the same scaled
/// features is added: <c>k(a, b) = rho(||(a - b) / s|| / l) + beta (z_a . z_b) / m</c>, with <c>z = (x - mean) / s</c>
/// and m the mean of <c>z_i . z_i</c> over the training rows (so beta is the linear term's share of the prior variance), so the process can follow a trend linear in the features and still fit local departures
/// (an additive kernel, Rasmussen and Williams 2006, section 4.2.2; beta = 0 is the stationary process alone).
/// </summary>
/// <remarks>
/// <para>Leave-one-group-out in closed form (Rasmussen and Williams, Gaussian Processes for Machine
/// Learning, 2006, section 5.4.2, extended to blocks): with <c>alpha = K^-1 y</c> and <c>B = (K^-1)_GG</c>,
/// the prediction of group G from the others is <c>y_G - B^-1 alpha_G</c> with covariance
/// <c>sigma^2 B^-1</c>. Hyperparameters are fitted on all rows, so these residuals are slightly optimistic.</para>
/// <para>Cost: O(n^3) per grid point; fine up to a few thousand rows. Thread-safe after fitting.</para>
/// </remarks>
public sealed partial class GaussianProcessRegressor
{
    private readonly double[] _center;
    private readonly Component[] _components;
    private readonly GaussianProcessKernel _kernel;
    private readonly bool _ard;
    private readonly bool _optimised;

    private GaussianProcessRegressor(GaussianProcessKernel kernel, bool ard, bool optimised, double[] center, Component[] components, double yMean, double yScale, double[] looMean, double[] looSd, double looMae)
    {
        _kernel = kernel;
        _ard = ard;
        _optimised = optimised;
        _center = center;
        _components = components;
        YMean = yMean;
        YScale = yScale;
        LeaveOneOutMean = looMean;
        LeaveOneOutSd = looSd;
        LeaveOneOutMae = looMae;
    }

    /// <summary>Mean of the training targets.</summary>
    public double YMean { get; }

    /// <summary>Standard deviation of the training targets.</summary>
    public double YScale { get; }

    /// <summary>Leave-one-group-out prediction of each training row.</summary>
    public IReadOnlyList<double> LeaveOneOutMean { get; }

    /// <summary>Leave-one-group-out predictive standard deviation of each training row.</summary>
    public IReadOnlyList<double> LeaveOneOutSd { get; }

    /// <summary>Leave-one-group-out mean absolute error of the chosen hyperparameters.</summary>
    public double LeaveOneOutMae { get; }

    /// <summary>The hyperparameters in words.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"GP {_kernel} kernel{(_ard ? " ARD" : string.Empty)}{(_optimised ? " ML-refined" : string.Empty)}, average of {_components.Length}: ") + string.Join("; ", _components.Select(c => string.Create(CultureInfo.InvariantCulture,
        $"scale sd^{c.Exponent:G3}, length {c.LengthScale:G3}, nugget {c.Noise:G3}{(c.LinearWeight == 0 ? string.Empty : $", linear {c.LinearWeight:G3}")}")));

    /// <summary>Fits the process, choosing hyperparameters from the grid.</summary>
    /// <param name="x">Training feature vectors.</param>
    /// <param name="y">Training targets.</param>
    /// <param name="groups">Group of each row (left out together).</param>
    /// <param name="options">The hyperparameter grid.</param>
    public static GaussianProcessRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int> groups, GaussianProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        var n = x.Count;
        if (n < 5 || y.Count != n || groups.Count != n)
        {
            throw new ArgumentException("need at least 5 rows with one target and group each");
        }

        var p = x[0].Length;
        var (center, sd) = ColumnMoments.Of(x);
        for (var j = 0; j < p; j++)
        {
            sd[j] = Math.Sqrt(sd[j]);
        }

        var yMean = y.Average();
        var yScale = Math.Sqrt(y.Sum(v => (v - yMean) * (v - yMean)) / n);
        if (yScale <= 0)
        {
            yScale = 1;
        }

        var yz = y.Select(v => (v - yMean) / yScale).ToArray();
        var members = GroupMembers(groups);
        if (options.Ard && options.LinearWeights.Any(b => b != 0))
        {
            throw new ArgumentException("the linear kernel term is not supported with ARD", nameof(options));
        }

        if (options.Ard && options.Optimise)
        {
            throw new ArgumentException("ARD and the continuous refinement of the grid point are alternatives; choose one", nameof(options));
        }

        if (options.LinearWeights.Count == 0 || options.LinearWeights.Any(b => b < 0 || !double.IsFinite(b)))
        {
            throw new ArgumentException("linear kernel weights must be finite and non-negative, at least one", nameof(options));
        }

        var candidates = new List<(double E, double L, double N, double B)>();
        foreach (var e in options.ScaleExponents)
        {
            foreach (var l in options.LengthScales)
            {
                foreach (var noise in options.Noise)
                {
                    foreach (var b in options.LinearWeights)
                    {
                        candidates.Add((e, l * Math.Sqrt(p), noise, b));
                    }
                }
            }
        }

        // Distances (and dot products, for a linear term) per exponent, shared by the grid points of that exponent.
        var distances = new Dictionary<double, double[]>();
        var products = new Dictionary<double, double[]?>();
        var productScale = new Dictionary<double, double>();
        var linear = options.LinearWeights.Any(b => b != 0);
        foreach (var e in options.ScaleExponents.Distinct())
        {
            var z = Scaled(x, center, Scale(sd, e));
            distances[e] = Distances(z);
            (products[e], productScale[e]) = linear ? Products(z) : (null, 0);
        }

        // Score every grid point (in parallel, keeping only the error), then refit the best one.
        var scores = new double[candidates.Count];
        Parallel.For(0, candidates.Count, c =>
        {
            var e = Evaluate(options.Kernel, distances[candidates[c].E], products[candidates[c].E], candidates[c].B, n, candidates[c].L, candidates[c].N, yz, members);
            scores[c] = e is not { } r ? double.NaN
                : options.Criterion == GaussianProcessCriterion.MarginalLikelihood ? r.NegativeLogLikelihood
                : r.Mae * yScale;
        });
        var ranked = Enumerable.Range(0, candidates.Count).Where(c => !double.IsNaN(scores[c])).OrderBy(c => scores[c]).Take(Math.Max(1, options.Average)).ToArray();
        if (ranked.Length == 0)
        {
            throw new InvalidOperationException("no hyperparameters of the grid gave a positive-definite kernel matrix");
        }

        // The process: the average of the best grid points (averaging damps the noise of choosing one by a leave-out error).
        var components = new Component[ranked.Length];
        var looMean = new double[n];
        var looSd = new double[n];
        Parallel.For(0, ranked.Length, k =>
        {
            var (ce, cl, cn, cb) = candidates[ranked[k]];
            if (options.Optimise)
            {
                (ce, cl, cn) = OptimiseMarginalLikelihood(options, x, center, sd, candidates[ranked[k]], yz);
            }

            var scale = Scale(sd, ce);
            var d = options.Optimise ? Distances(Scaled(x, center, scale)) : distances[ce];
            var gridExponent = candidates[ranked[k]].E;
            var (prod, prodScale) = !options.Optimise || cb == 0 ? (products[gridExponent], productScale[gridExponent]) : Products(Scaled(x, center, scale));
            if (options.Ard)
            {
                // Per-feature length scales from the grid point on: fold them into the feature scale, length 1.
                var (lengths, noise) = OptimiseArd(options, Scaled(x, center, scale), cl, cn, yz);
                scale = [.. scale.Select((s, j) => s * lengths[j])];
                (cl, cn) = (1, noise);
                d = Distances(Scaled(x, center, scale));
            }

            var e = Evaluate(options.Kernel, d, prod, cb, n, cl, cn, yz, members)!.Value;
            components[k] = new Component(options.Kernel, Scaled(x, center, scale), scale, e.Alpha, e.Factor, e.Variance, ce, cl, cn, cb, cb * prodScale, e.Mean, e.Sd);
        });
        foreach (var c in components)
        {
            for (var i = 0; i < n; i++)
            {
                looMean[i] += (yMean + (yScale * c.LooMean[i])) / components.Length;
                looSd[i] += yScale * c.LooSd[i] / components.Length;
            }
        }

        double mae = 0;
        for (var i = 0; i < n; i++)
        {
            mae += Math.Abs(looMean[i] - y[i]) / n;
        }

        return new GaussianProcessRegressor(options.Kernel, options.Ard, options.Optimise, center, components, yMean, yScale, looMean, looSd, mae);
    }

    private static (double Mae, double NegativeLogLikelihood, double[] Mean, double[] Sd, double[] Alpha, DenseCholesky Factor, double Variance)? Evaluate(
        GaussianProcessKernel kernel, double[] distances, double[]? products, double linearWeight, int n, double lengthScale, double noise, double[] yz, List<int[]> members)
    {
        DenseCholesky factor;
        try
        {
            factor = DenseCholesky.Of(Kernel(kernel, distances, products, linearWeight, n, lengthScale, noise), n);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var alpha = factor.Solve(yz);
        double yKy = 0;
        for (var i = 0; i < n; i++)
        {
            yKy += yz[i] * alpha[i];
        }

        var variance = yKy / n;
        var (mean, sdLoo) = LeaveGroupOut(factor, alpha, yz, members, variance);
        double mae = 0;
        for (var i = 0; i < n; i++)
        {
            mae += Math.Abs(mean[i] - yz[i]) / n;
        }

        // Profile likelihood with the process variance at its maximum-likelihood value: n/2 log(variance) + 1/2 log det K.
        var nll = (0.5 * n * Math.Log(variance)) + (0.5 * factor.LogDeterminant());
        return (mae, nll, mean, sdLoo, alpha, factor, variance);
    }

    /// <summary>Predictive mean and standard deviation (including the nugget) at a query, in target units.</summary>
    public (double Mean, double StandardDeviation) Predict(ReadOnlySpan<double> x)
    {
        double mean = 0, sd = 0;
        foreach (var c in _components)
        {
            var (m, s) = c.Predict(x, _center);
            mean += m / _components.Length;
            sd += s / _components.Length;
        }

        return (YMean + (YScale * mean), YScale * sd);
    }

    private static double[] Scale(double[] sd, double exponent) =>
        [.. sd.Select(s => s > 1e-300 ? Math.Pow(s, exponent) : 1.0)];

    private static double[][] Scaled(IReadOnlyList<double[]> x, double[] center, double[] scale)
    {
        var z = new double[x.Count][];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = new double[scale.Length];
            for (var j = 0; j < scale.Length; j++)
            {
                z[i][j] = (x[i][j] - center[j]) / scale[j];
            }
        }

        return z;
    }

    private static double[] Distances(double[][] z)
    {
        var n = z.Length;
        var d = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++)
            {
                var v = Distance(z[i], z[k]);
                d[(i * n) + k] = v;
                d[(k * n) + i] = v;
            }
        }

        return d;
    }

    /// <summary>
    /// Dot products of the scaled rows divided by their mean diagonal (the linear kernel at weight 1), and the
    /// factor that turns a raw dot product into that unit.
    /// </summary>
    private static (double[] Products, double Scale) Products(double[][] z)
    {
        var n = z.Length;
        var d = new double[n * n];
        double diagonal = 0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                var v = Dot(z[i], z[k]);
                d[(i * n) + k] = v;
                d[(k * n) + i] = v;
            }

            diagonal += d[(i * n) + i] / n;
        }

        var scale = diagonal > 1e-300 ? 1 / diagonal : 1;
        for (var i = 0; i < d.Length; i++)
        {
            d[i] *= scale;
        }

        return (d, scale);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var t = a[j] - b[j];
            s += t * t;
        }

        return Math.Sqrt(s);
    }

    private static double[] Kernel(GaussianProcessKernel kernel, double[] distances, double[]? products, double linearWeight, int n, double lengthScale, double noise)
    {
        var k = new double[n * n];
        for (var i = 0; i < k.Length; i++)
        {
            k[i] = Correlation(kernel, distances[i] / lengthScale);
        }

        if (linearWeight != 0 && products is not null)
        {
            for (var i = 0; i < k.Length; i++)
            {
                k[i] += linearWeight * products[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            k[(i * n) + i] += noise;
        }

        return k;
    }

    /// <summary>The correlation at scaled distance r (Rasmussen and Williams 2006, section 4.2).</summary>
    private static double Correlation(GaussianProcessKernel kernel, double r) => kernel switch
    {
        GaussianProcessKernel.Matern32 => (1 + (Math.Sqrt(3) * r)) * Math.Exp(-Math.Sqrt(3) * r),
        GaussianProcessKernel.Matern52 => (1 + (Math.Sqrt(5) * r) + (5 * r * r / 3)) * Math.Exp(-Math.Sqrt(5) * r),
        GaussianProcessKernel.SquaredExponential => Math.Exp(-0.5 * r * r),
        _ => Math.Exp(-r),
    };

    private static List<int[]> GroupMembers(IReadOnlyList<int> groups)
    {
        var map = new Dictionary<int, List<int>>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (!map.TryGetValue(groups[i], out var list))
            {
                list = [];
                map[groups[i]] = list;
            }

            list.Add(i);
        }

        return [.. map.Values.Select(l => l.ToArray())];
    }

    private static (double[] Mean, double[] Sd) LeaveGroupOut(DenseCholesky factor, double[] alpha, double[] y, List<int[]> members, double variance)
    {
        var n = y.Length;
        var mean = new double[n];
        var sd = new double[n];
        foreach (var g in members)
        {
            var m = g.Length;
            var block = new double[m * m];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    var v = factor.InverseEntry(g[a], g[b]);
                    block[(a * m) + b] = v;
                    block[(b * m) + a] = v;
                }
            }

            var blockFactor = DenseCholesky.Of(block, m);
            var correction = blockFactor.Solve(g.Select(i => alpha[i]).ToArray());
            var unit = new double[m];
            for (var a = 0; a < m; a++)
            {
                mean[g[a]] = y[g[a]] - correction[a];
                Array.Clear(unit);
                unit[a] = 1;
                sd[g[a]] = Math.Sqrt(variance * blockFactor.Solve(unit)[a]);
            }
        }

        return (mean, sd);
    }

    /// <summary>One fitted process of the average.</summary>
    private sealed record Component(GaussianProcessKernel Kernel, double[][] Z, double[] Scale, double[] Alpha, DenseCholesky Factor, double Variance, double Exponent, double LengthScale, double Noise,
        double LinearWeight, double LinearCoefficient, double[] LooMean, double[] LooSd)
    {
        /// <summary>Mean and standard deviation in standardised target units.</summary>
        public (double Mean, double Sd) Predict(ReadOnlySpan<double> x, double[] center)
        {
            var q = new double[x.Length];
            for (var j = 0; j < q.Length; j++)
            {
                q[j] = (x[j] - center[j]) / Scale[j];
            }

            var r = new double[Z.Length];
            double mean = 0;
            for (var i = 0; i < Z.Length; i++)
            {
                r[i] = Correlation(Kernel, Distance(q, Z[i]) / LengthScale);
                if (LinearCoefficient != 0)
                {
                    r[i] += LinearCoefficient * Dot(q, Z[i]);
                }

                mean += Alpha[i] * r[i];
            }

            var prior = 1 + Noise + (LinearCoefficient == 0 ? 0 : LinearCoefficient * Dot(q, q));
            return (mean, Math.Sqrt(Variance * Math.Max(1e-12, prior - Factor.InverseQuadraticForm(r))));
        }
    }
}
