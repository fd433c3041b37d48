namespace TwinPlatform.Materials.Prediction;

/// <summary>The stationary correlation function of a <see cref="GaussianProcessRegressor"/>, of the scaled distance r = d / l.</summary>
public enum GaussianProcessKernel
{
    /// <summary>Exponential (Matern 1/2): <c>exp(-r)</c>; rough sample paths.</summary>
    Exponential,

    /// <summary>Matern 3/2: <c>(1 + sqrt(3) r) exp(-sqrt(3) r)</c>; once differentiable.</summary>
    Matern32,

    /// <summary>Matern 5/2: <c>(1 + sqrt(5) r + 5 r^2 / 3) exp(-sqrt(5) r)</c>; twice differentiable.</summary>
    Matern52,

    /// <summary>Squared exponential: <c>exp(-r^2 / 2)</c>; smooth.</summary>
    SquaredExponential,
}
