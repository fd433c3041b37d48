using System.Globalization;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A fitted Box-Cox transform <c>t = (y^lambda - 1) / lambda</c> (<c>t = ln y</c> at lambda = 0) of positive targets,
/// Box and Cox (1964).
/// </summary>
/// <remarks>
/// With <see cref="TargetTransform.BoxCox"/> lambda maximises the profile log-likelihood of the training targets under
/// a normal model of t: <c>-n/2 ln(var t) + (lambda - 1) sum ln y</c> (golden-section search on [-3, 3]). Only the
/// training targets enter. Immutable.
/// </remarks>
public sealed class TargetTransformation
{
    private const double MinimumLambda = -3, MaximumLambda = 3;

    private TargetTransformation(double lambda) => Lambda = lambda;

    /// <summary>The Box-Cox exponent (0: logarithm).</summary>
    public double Lambda { get; }

    /// <summary>The transform in words.</summary>
    public string Description => Lambda == 0 ? "log target" : string.Create(CultureInfo.InvariantCulture, $"Box-Cox target (lambda {Lambda:G3})");

    /// <summary>Fits the transform to training targets.</summary>
    /// <param name="kind">Log or Box-Cox.</param>
    /// <param name="y">Training targets, all positive.</param>
    public static TargetTransformation Fit(TargetTransform kind, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (kind == TargetTransform.None)
        {
            throw new ArgumentException("no transform to fit", nameof(kind));
        }

        var logs = new double[y.Count];
        for (var i = 0; i < y.Count; i++)
        {
            logs[i] = y[i] > 0 && double.IsFinite(y[i]) ? Math.Log(y[i]) : throw new ArgumentException($"a {kind} target transform needs positive targets, found {y[i]}", nameof(y));
        }

        return kind == TargetTransform.Log ? new TargetTransformation(0) : new TargetTransformation(MaximumLikelihoodLambda(logs));
    }

    /// <summary>The transform of one target.</summary>
    public double Forward(double y) => Forward(Math.Log(y), Lambda);

    /// <summary>The inverse transform (target units); values outside the transform's range map to its bound.</summary>
    public double Inverse(double t)
    {
        if (Lambda == 0)
        {
            return Math.Exp(t);
        }

        var b = (Lambda * t) + 1;
        return b <= 0 ? (Lambda > 0 ? 0 : double.PositiveInfinity) : Math.Exp(Math.Log(b) / Lambda);
    }

    /// <summary>Derivative of <see cref="Inverse"/> at t (for carrying a spread back to target units).</summary>
    public double InverseSlope(double t)
    {
        if (Lambda == 0)
        {
            return Math.Exp(t);
        }

        var b = (Lambda * t) + 1;
        return b <= 0 ? 0 : Math.Exp(((1 / Lambda) - 1) * Math.Log(b));
    }

    private static double Forward(double logY, double lambda) =>
        Math.Abs(lambda) < 1e-12 ? logY : (Math.Exp(lambda * logY) - 1) / lambda;

    /// <summary>Negative profile log-likelihood of lambda (Box and Cox 1964), from the logs of the targets.</summary>
    private static double NegativeLogLikelihood(double lambda, double[] logs)
    {
        var n = logs.Length;
        double mean = 0, sumLog = 0;
        for (var i = 0; i < n; i++)
        {
            mean += Forward(logs[i], lambda) / n;
            sumLog += logs[i];
        }

        double variance = 0;
        for (var i = 0; i < n; i++)
        {
            var d = Forward(logs[i], lambda) - mean;
            variance += d * d / n;
        }

        return variance > 0 ? (0.5 * n * Math.Log(variance)) - ((lambda - 1) * sumLog) : double.PositiveInfinity;
    }

    private static double MaximumLikelihoodLambda(double[] logs)
    {
        // Golden-section search: the profile likelihood is unimodal in lambda for positive data.
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = MinimumLambda, b = MaximumLambda;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        double fc = NegativeLogLikelihood(c, logs), fd = NegativeLogLikelihood(d, logs);
        for (var iteration = 0; iteration < 80 && b - a > 1e-6; iteration++)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (ratio * (b - a));
                fc = NegativeLogLikelihood(c, logs);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (ratio * (b - a));
                fd = NegativeLogLikelihood(d, logs);
            }
        }

        return 0.5 * (a + b);
    }
}
