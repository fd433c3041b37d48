using System.Globalization;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// k-nearest-neighbour regression on standardised features with inverse-distance weights; k is chosen from a grid
/// by the exact leave-one-out error on the training rows (a row is never its own neighbour).
/// </summary>
/// <remarks>
/// Features are centred and divided by their training standard deviation (constant features drop out). The prediction is
/// <c>sum_i w_i y_i / sum_i w_i</c> over the k nearest training rows with <c>w_i = 1 / (d_i + eps)</c>, eps a tenth of
/// the median nearest-neighbour distance of the training rows, so duplicates do not dominate without limit. Thread-safe after fitting.
/// </remarks>
public sealed class NearestNeighbourRegressor
{
    private readonly double[] _center;
    private readonly double[] _scale;
    private readonly double[][] _z;
    private readonly double[] _y;
    private readonly double _epsilon;

    private NearestNeighbourRegressor(double[] center, double[] scale, double[][] z, double[] y, double epsilon, int k, double[] looMean, double looMae)
    {
        _center = center;
        _scale = scale;
        _z = z;
        _y = y;
        _epsilon = epsilon;
        Neighbours = k;
        LeaveOneOutMean = looMean;
        LeaveOneOutMae = looMae;
    }

    /// <summary>The chosen number of neighbours.</summary>
    public int Neighbours { get; }

    /// <summary>Leave-one-out prediction of each training row.</summary>
    public IReadOnlyList<double> LeaveOneOutMean { get; }

    /// <summary>Leave-one-out mean absolute error of the chosen k.</summary>
    public double LeaveOneOutMae { get; }

    /// <summary>The model in words.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Neighbours}-NN");

    /// <summary>Fits the model, choosing k by leave-one-out mean absolute error.</summary>
    /// <param name="x">Training feature vectors.</param>
    /// <param name="y">Training targets.</param>
    /// <param name="neighbours">Values of k to try.</param>
    public static NearestNeighbourRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int> neighbours)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(neighbours);
        var n = x.Count;
        if (n < 3 || y.Count != n || neighbours.Count == 0 || neighbours.Any(k => k < 1))
        {
            throw new ArgumentException("need at least 3 rows, one target each, and k >= 1");
        }

        var (center, scale) = ColumnMoments.Of(x);
        for (var j = 0; j < scale.Length; j++)
        {
            // A constant feature is multiplied by zero (it carries no distance).
            scale[j] = scale[j] > 1e-300 ? Math.Sqrt(scale[j]) : double.PositiveInfinity;
        }

        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = Standardise(x[i], center, scale);
        }

        var ys = y.ToArray();

        // Every row's other rows by distance, once.
        var sorted = new (double D, int I)[n][];
        var nearest = new double[n];
        for (var i = 0; i < n; i++)
        {
            sorted[i] = new (double, int)[n - 1];
            var m = 0;
            for (var k = 0; k < n; k++)
            {
                if (k != i)
                {
                    sorted[i][m++] = (Distance(z[i], z[k]), k);
                }
            }

            Array.Sort(sorted[i], (a, b) => a.D.CompareTo(b.D));
            nearest[i] = sorted[i][0].D;
        }

        Array.Sort(nearest);
        var epsilon = Math.Max(0.1 * nearest[n / 2], 1e-9);
        double[]? bestLoo = null;
        double bestMae = double.PositiveInfinity;
        var bestK = neighbours[0];
        foreach (var k in neighbours)
        {
            var loo = new double[n];
            double mae = 0;
            for (var i = 0; i < n; i++)
            {
                loo[i] = Weighted(sorted[i], Math.Min(k, n - 1), ys, epsilon);
                mae += Math.Abs(ys[i] - loo[i]) / n;
            }

            if (mae < bestMae)
            {
                (bestMae, bestLoo, bestK) = (mae, loo, k);
            }
        }

        return new NearestNeighbourRegressor(center, scale, z, ys, epsilon, bestK, bestLoo!, bestMae);
    }

    /// <summary>Predicts one feature vector.</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        var q = Standardise(x, _center, _scale);
        var all = new (double D, int I)[_z.Length];
        for (var i = 0; i < _z.Length; i++)
        {
            all[i] = (Distance(q, _z[i]), i);
        }

        Array.Sort(all, (a, b) => a.D.CompareTo(b.D));
        return Weighted(all, Math.Min(Neighbours, all.Length), _y, _epsilon);
    }

    private static double Weighted((double D, int I)[] sorted, int k, double[] y, double epsilon)
    {
        double sw = 0, swy = 0;
        for (var m = 0; m < k; m++)
        {
            var w = 1 / (sorted[m].D + epsilon);
            sw += w;
            swy += w * y[sorted[m].I];
        }

        return swy / sw;
    }

    private static double[] Standardise(ReadOnlySpan<double> x, double[] center, double[] scale)
    {
        var z = new double[center.Length];
        for (var j = 0; j < z.Length; j++)
        {
            z[j] = (x[j] - center[j]) / scale[j];
        }

        return z;
    }

    private static double Distance(double[] a, double[] b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var t = a[j] - b[j];
            s += t * t;
        }

        return Math.Sqrt(s);
    }
}
