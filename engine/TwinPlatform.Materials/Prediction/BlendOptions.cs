namespace TwinPlatform.Materials.Prediction;

/// <summary>Settings of a <see cref="BlendedRegressor"/>: the Gaussian-process grid and the blend weights to choose from.</summary>
public sealed record BlendOptions
{
    /// <summary>The Gaussian-process hyperparameter grid.</summary>
    public GaussianProcessOptions Process { get; init; } = new();

    /// <summary>Weights of the Gaussian process in the blend (0 = trees only, 1 = process only); the one with the lowest out-of-sample MAE on the training rows wins.</summary>
    public IReadOnlyList<double> Weights { get; init; } = [0, 0.25, 0.5, 0.75, 1];
}
