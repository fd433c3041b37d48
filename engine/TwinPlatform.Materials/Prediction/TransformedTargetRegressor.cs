namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A regressor fitted on transformed targets (<see cref="TargetTransformation"/>) whose predictions are transformed
/// back: the mean becomes <c>g^-1(mean)</c> (the median in target units when the transformed error is symmetric), the
/// interval ends are transformed one by one, so an interval covering the transformed target covers the target.
/// </summary>
/// <remarks>The spread is carried back to target units by the slope of <c>g^-1</c> at the mean (delta method). Thread-safe when the inner regressor is.</remarks>
public sealed class TransformedTargetRegressor : IIntervalRegressor
{
    /// <summary>Wraps a regressor that was fitted on <c>transformation.Forward(y)</c>.</summary>
    /// <param name="inner">The regressor of the transformed target.</param>
    /// <param name="transformation">The transform the inner regressor's targets went through.</param>
    public TransformedTargetRegressor(IIntervalRegressor inner, TargetTransformation transformation)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(transformation);
        Inner = inner;
        Transformation = transformation;
    }

    /// <summary>The regressor of the transformed target.</summary>
    public IIntervalRegressor Inner { get; }

    /// <summary>The target transform.</summary>
    public TargetTransformation Transformation { get; }

    /// <inheritdoc/>
    public int FeatureCount => Inner.FeatureCount;

    /// <inheritdoc/>
    /// <remarks>In transformed units.</remarks>
    public ConformalCalibration Calibration => Inner.Calibration;

    /// <inheritdoc/>
    public string Description => Transformation.Description + ": " + Inner.Description;

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows)
    {
        var inner = Inner.Predict(rows);
        var result = new EnsemblePrediction[inner.Length];
        for (var i = 0; i < inner.Length; i++)
        {
            var p = inner[i];
            result[i] = new EnsemblePrediction(Transformation.Inverse(p.Mean), p.Spread * Transformation.InverseSlope(p.Mean),
                Transformation.Inverse(p.Lower), Transformation.Inverse(p.Upper), p.Level);
        }

        return result;
    }
}
