using System.Globalization;
using TwinPlatform.Materials.Numerics;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Ridge regression on standardised features, with the penalty chosen from a grid by the exact
/// leave-one-out error on the training rows (closed form, no refitting).
/// </summary>
/// <remarks>
/// <para>Features are centred and divided by their training standard deviation; the intercept is the
/// training mean. Leave-one-out residual of row i: <c>e_i / (1 - h_ii)</c> with <c>h_ii = 1/n + z_i^T (Z^T Z + lambda I)^-1 z_i</c>
/// (Hastie, Tibshirani and Friedman, The Elements of Statistical Learning, 2009, section 7.10; the 1/n is
/// the leverage of the intercept). Penalties are multiples of n.</para>
/// <para>Thread-safe after fitting.</para>
/// </remarks>
public sealed class RidgeRegressor
{
    private readonly double[] _center;
    private readonly double[] _scale;
    private readonly double[] _beta;
    private readonly double _intercept;

    private RidgeRegressor(double[] center, double[] scale, double[] beta, double intercept, double penalty, double[] looMean, double looMae)
    {
        _center = center;
        _scale = scale;
        _beta = beta;
        _intercept = intercept;
        Penalty = penalty;
        LeaveOneOutMean = looMean;
        LeaveOneOutMae = looMae;
    }

    /// <summary>The chosen penalty (as a multiple of the number of rows).</summary>
    public double Penalty { get; }

    /// <summary>Leave-one-out prediction of each training row.</summary>
    public IReadOnlyList<double> LeaveOneOutMean { get; }

    /// <summary>Leave-one-out mean absolute error of the chosen penalty.</summary>
    public double LeaveOneOutMae { get; }

    /// <summary>The model in words.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"ridge lambda {Penalty:G3} n");

    /// <summary>Fits the model, choosing the penalty by leave-one-out mean absolute error.</summary>
    /// <param name="x">Training feature vectors.</param>
    /// <param name="y">Training targets.</param>
    /// <param name="penalties">Penalties to try, as multiples of the number of rows.</param>
    public static RidgeRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double> penalties)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(penalties);
        var n = x.Count;
        if (n < 3 || y.Count != n || penalties.Count == 0)
        {
            throw new ArgumentException("need at least 3 rows, one target each, and a penalty");
        }

        var p = x[0].Length;
        var (center, scale) = ColumnMoments.Of(x);
        for (var j = 0; j < p; j++)
        {
            scale[j] = scale[j] > 1e-300 ? Math.Sqrt(scale[j]) : 1;
        }

        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[p];
            for (var j = 0; j < p; j++)
            {
                z[i][j] = (x[i][j] - center[j]) / scale[j];
            }
        }

        var yMean = y.Average();
        var gram = new double[p * p];
        var zy = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < p; a++)
            {
                zy[a] += z[i][a] * (y[i] - yMean);
                for (var b = 0; b <= a; b++)
                {
                    gram[(a * p) + b] += z[i][a] * z[i][b];
                }
            }
        }

        double[]? bestBeta = null, bestLoo = null;
        double bestMae = double.PositiveInfinity, bestPenalty = penalties[0];
        foreach (var penalty in penalties)
        {
            var a = (double[])gram.Clone();
            for (var k = 0; k < p; k++)
            {
                a[(k * p) + k] += penalty * n;
            }

            var factor = DenseCholesky.Of(a, p);
            var beta = factor.Solve(zy);
            var loo = new double[n];
            double mae = 0;
            for (var i = 0; i < n; i++)
            {
                var fit = yMean + Dot(beta, z[i]);
                var h = (1.0 / n) + factor.InverseQuadraticForm(z[i]);
                loo[i] = y[i] - ((y[i] - fit) / (1 - h));
                mae += Math.Abs(y[i] - loo[i]) / n;
            }

            if (mae < bestMae)
            {
                (bestMae, bestBeta, bestLoo, bestPenalty) = (mae, beta, loo, penalty);
            }
        }

        return new RidgeRegressor(center, scale, bestBeta!, yMean, bestPenalty, bestLoo!, bestMae);
    }

    /// <summary>Predicts one feature vector.</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        var result = _intercept;
        for (var j = 0; j < _beta.Length; j++)
        {
            result += _beta[j] * (x[j] - _center[j]) / _scale[j];
        }

        return result;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }
}
