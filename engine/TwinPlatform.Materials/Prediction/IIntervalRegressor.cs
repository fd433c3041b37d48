namespace TwinPlatform.Materials.Prediction;

/// <summary>A fitted regressor that returns a mean, a spread and a calibrated interval for every query.</summary>
/// <remarks>Implementations are safe to call from several threads.</remarks>
public interface IIntervalRegressor
{
    /// <summary>Length of the feature vectors it takes.</summary>
    int FeatureCount { get; }

    /// <summary>The conformal calibration of the interval.</summary>
    ConformalCalibration Calibration { get; }

    /// <summary>The model in words (learner and settings).</summary>
    string Description { get; }

    /// <summary>Predicts many feature vectors at once.</summary>
    EnsemblePrediction[] Predict(IReadOnlyList<double[]> rows);
}
