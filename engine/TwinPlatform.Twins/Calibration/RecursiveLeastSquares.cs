namespace TwinPlatform.Twins.Calibration;

/// <summary>
/// Recursive least squares for a linear model y = phi' theta + e with a Gaussian prior and
/// Gaussian noise: the Bayesian linear-regression update done one observation at a time, so the
/// posterior mean and covariance are available after every sample.
/// </summary>
/// <remarks>
/// Kept in information form: Lambda = P0^-1 + sum phi phi' / s2 and eta = P0^-1 theta0 + sum phi y / s2,
/// with theta = Lambda^-1 eta from a Cholesky factorisation after each update. Unlike the covariance
/// form it does not lose precision when the prior is vague, and it is exact for any order of data.
/// Each update costs O(n^3) for n parameters: meant for the handful of parameters of a calibration.
/// Allocation-free per update.
/// </remarks>
public sealed class RecursiveLeastSquares
{
    private readonly int _n;
    private readonly double[] _information;
    private readonly double[] _eta;
    private readonly double[] _theta;
    private readonly double[] _cholesky;
    private readonly double[] _work;
    private readonly double _noiseVariance;
    private double _sumSquaredResiduals;
    private double _sumSquaredNormalized;

    /// <summary>Creates the estimator with a diagonal Gaussian prior.</summary>
    /// <param name="priorMean">Prior mean of each parameter.</param>
    /// <param name="priorStandardDeviation">Prior standard deviation of each parameter (positive).</param>
    /// <param name="noiseStandardDeviation">Default standard deviation of the observation noise.</param>
    public RecursiveLeastSquares(ReadOnlySpan<double> priorMean, ReadOnlySpan<double> priorStandardDeviation, double noiseStandardDeviation)
    {
        if (priorMean.Length != priorStandardDeviation.Length || priorMean.Length == 0)
        {
            throw new ArgumentException("prior mean and standard deviation need the same, non-zero length");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(noiseStandardDeviation);
        _n = priorMean.Length;
        _information = new double[_n * _n];
        _eta = new double[_n];
        _theta = priorMean.ToArray();
        _cholesky = new double[_n * _n];
        _work = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            var sd = priorStandardDeviation[i];
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sd, nameof(priorStandardDeviation));
            _information[(i * _n) + i] = 1.0 / (sd * sd);
            _eta[i] = priorMean[i] / (sd * sd);
        }

        _noiseVariance = noiseStandardDeviation * noiseStandardDeviation;
        Factorize();
    }

    /// <summary>Number of parameters.</summary>
    public int Count => _n;

    /// <summary>Observations absorbed.</summary>
    public long Observations { get; private set; }

    /// <summary>Current posterior mean.</summary>
    public ReadOnlySpan<double> Mean => _theta;

    /// <summary>Root mean square of the a-priori residuals (y - phi' theta before each update).</summary>
    public double ResidualRms => Observations == 0 ? 0 : Math.Sqrt(_sumSquaredResiduals / Observations);

    /// <summary>
    /// Root mean square of the a-priori residuals, each divided by its predictive standard deviation
    /// sqrt(s2 + phi' P phi): about 1 when the model and noise level are right.
    /// </summary>
    public double NormalizedResidualRms => Observations == 0 ? 0 : Math.Sqrt(_sumSquaredNormalized / Observations);

    /// <summary>Posterior variance of parameter <paramref name="i"/>.</summary>
    public double Variance(int i) => Covariance(i, i);

    /// <summary>Posterior covariance of parameters <paramref name="i"/> and <paramref name="j"/> (a column of Lambda^-1).</summary>
    public double Covariance(int i, int j)
    {
        Array.Clear(_work);
        _work[j] = 1.0;
        Solve(_work);
        return _work[i];
    }

    /// <summary>The prediction phi' theta for a regressor.</summary>
    public double Predict(ReadOnlySpan<double> phi)
    {
        double y = 0;
        for (var i = 0; i < _n; i++)
        {
            y += phi[i] * _theta[i];
        }

        return y;
    }

    /// <summary>Absorbs one observation with the default noise variance; returns the a-priori residual.</summary>
    public double Update(ReadOnlySpan<double> phi, double y) => Update(phi, y, _noiseVariance);

    /// <summary>Absorbs one observation with its own noise variance; returns the a-priori residual.</summary>
    public double Update(ReadOnlySpan<double> phi, double y, double noiseVariance)
    {
        if (phi.Length != _n)
        {
            throw new ArgumentException($"expected {_n} regressors, got {phi.Length}", nameof(phi));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(noiseVariance);

        // Predictive variance s2 + phi' P phi with P = Lambda^-1 before the update.
        phi.CopyTo(_work);
        Solve(_work);
        var predictiveVariance = noiseVariance;
        for (var i = 0; i < _n; i++)
        {
            predictiveVariance += phi[i] * _work[i];
        }

        var residual = y - Predict(phi);
        var w = 1.0 / noiseVariance;
        for (var i = 0; i < _n; i++)
        {
            _eta[i] += phi[i] * y * w;
            for (var j = 0; j < _n; j++)
            {
                _information[(i * _n) + j] += phi[i] * phi[j] * w;
            }
        }

        Factorize();
        _sumSquaredResiduals += residual * residual;
        _sumSquaredNormalized += residual * residual / predictiveVariance;
        Observations++;
        return residual;
    }

    private void Factorize()
    {
        // Cholesky Lambda = L L' (lower triangle in _cholesky), then theta = Lambda^-1 eta.
        var n = _n;
        for (var j = 0; j < n; j++)
        {
            var d = _information[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                d -= _cholesky[(j * n) + k] * _cholesky[(j * n) + k];
            }

            if (d <= 0)
            {
                throw new InvalidOperationException("the information matrix lost positive definiteness");
            }

            var l = Math.Sqrt(d);
            _cholesky[(j * n) + j] = l;
            for (var i = j + 1; i < n; i++)
            {
                var s = _information[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= _cholesky[(i * n) + k] * _cholesky[(j * n) + k];
                }

                _cholesky[(i * n) + j] = s / l;
            }
        }

        _eta.CopyTo(_theta, 0);
        Solve(_theta);
    }

    private void Solve(Span<double> b)
    {
        var n = _n;
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= _cholesky[(i * n) + k] * b[k];
            }

            b[i] = s / _cholesky[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= _cholesky[(k * n) + i] * b[k];
            }

            b[i] = s / _cholesky[(i * n) + i];
        }
    }
}
