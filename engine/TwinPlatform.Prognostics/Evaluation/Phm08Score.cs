namespace TwinPlatform.Prognostics.Evaluation;

/// <summary>
/// The asymmetric scoring function of the PHM08 data challenge (Saxena et al., PHM08): with
/// <c>d = predicted - true</c> remaining useful life in cycles, <c>s = exp(-d/13) - 1</c> for an early
/// prediction (d &lt; 0) and <c>s = exp(d/10) - 1</c> for a late one (d &gt;= 0). A fleet's score is
/// the sum over its engines; late predictions cost more than early ones.
/// </summary>
public static class Phm08Score
{
    /// <summary>Divisor of early errors (d &lt; 0), cycles.</summary>
    public const double EarlyScaleCycles = 13.0;

    /// <summary>Divisor of late errors (d &gt;= 0), cycles.</summary>
    public const double LateScaleCycles = 10.0;

    /// <summary>The score of one prediction with error <paramref name="d"/> = predicted - true (cycles).</summary>
    public static double Of(double d) => d < 0 ? Math.Exp(-d / EarlyScaleCycles) - 1.0 : Math.Exp(d / LateScaleCycles) - 1.0;

    /// <summary>The score of one prediction.</summary>
    public static double Of(double predicted, double actual) => Of(predicted - actual);

    /// <summary>The summed score of paired predictions and true values.</summary>
    public static double Sum(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException("predicted and actual need the same length");
        }

        double s = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            s += Of(predicted[i] - actual[i]);
        }

        return s;
    }
}
