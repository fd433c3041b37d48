namespace TwinPlatform.Materials.Numerics;

/// <summary>Order statistics the predictors use for their scales.</summary>
internal static class RobustStatistics
{
    /// <summary>The median of the finite values (the upper of the two middle ones for an even count); 0 when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        return v.Length == 0 ? 0 : v[v.Length / 2];
    }
}
