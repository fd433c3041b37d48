using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Tests;

public sealed class TargetTransformationTests
{
    [Fact]
    public void FitBoxCox_LogNormalTargets_LambdaNearZero()
    {
        var rng = new Random(21);
        var y = Enumerable.Range(0, 2000).Select(_ => Math.Exp(7 + (0.4 * Normal(rng)))).ToArray();

        var t = TargetTransformation.Fit(TargetTransform.BoxCox, y);

        Assert.InRange(t.Lambda, -0.15, 0.15);
    }

    [Fact]
    public void FitBoxCox_SquaresOfNormalTargets_LambdaNearOneHalf()
    {
        // y = u^2 with u normal far from zero: the square root (lambda = 1/2) makes y normal again.
        var rng = new Random(23);
        var y = Enumerable.Range(0, 2000).Select(_ => Math.Pow(40 + (6 * Normal(rng)), 2)).ToArray();

        var t = TargetTransformation.Fit(TargetTransform.BoxCox, y);

        Assert.InRange(t.Lambda, 0.3, 0.7);
    }

    [Theory]
    [InlineData(TargetTransform.Log)]
    [InlineData(TargetTransform.BoxCox)]
    public void Inverse_OfForward_GivesTheTargetBack(TargetTransform kind)
    {
        double[] y = [800, 1200, 1500, 2100, 2600];
        var t = TargetTransformation.Fit(kind, y);

        foreach (var v in y)
        {
            Assert.Equal(v, t.Inverse(t.Forward(v)), 9);
            var h = 1e-6 * Math.Max(1, Math.Abs(t.Forward(v)));
            Assert.Equal((t.Inverse(t.Forward(v) + h) - t.Inverse(t.Forward(v) - h)) / (2 * h), t.InverseSlope(t.Forward(v)), 5);
        }
    }

    [Fact]
    public void Fit_NonPositiveTarget_Throws()
    {
        Assert.Throws<ArgumentException>(() => TargetTransformation.Fit(TargetTransform.Log, [1, 2, 0]));
    }

    [Fact]
    public void Predict_LogTransform_BackTransformsMeanAndIntervalEnds()
    {
        var t = TargetTransformation.Fit(TargetTransform.Log, [100, 1000]);
        var inner = new Fixed(new EnsemblePrediction(Math.Log(1000), 0.1, Math.Log(800), Math.Log(1300), 0.9));

        var p = new TransformedTargetRegressor(inner, t).Predict([[0.0]])[0];

        Assert.Equal(1000, p.Mean, 9);
        Assert.Equal(800, p.Lower, 9);
        Assert.Equal(1300, p.Upper, 9);
        Assert.Equal(100, p.Spread, 9);
        Assert.True(p.Covers(1250) && !p.Covers(1350));
        Assert.StartsWith("log target", new TransformedTargetRegressor(inner, t).Description, StringComparison.Ordinal);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private sealed class Fixed(EnsemblePrediction prediction) : IIntervalRegressor
    {
        public int FeatureCount => 1;

        public ConformalCalibration Calibration { get; } = new(0.9, 1, 1, 1);

        public string Description => "fixed";

        public EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows) => [.. rows.Select(_ => prediction)];
    }
}
