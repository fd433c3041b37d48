namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// The hyperparameter grid of a <see cref="GaussianProcessRegressor"/>; the point with the lowest
/// leave-one-group-out mean absolute error on the training rows is chosen.
/// </summary>
public sealed record GaussianProcessOptions
{
    /// <summary>
    /// Exponents a of the feature scaling: feature j is divided by sd_j^a (a = 1 standardises; a &lt; 1
    /// keeps features that hardly vary, such as trace elements, from weighing as much as major ones).
    /// </summary>
    public IReadOnlyList<double> ScaleExponents { get; init; } = [0.5, 0.75, 1.0];

    /// <summary>Length scales, as multiples of sqrt(number of features).</summary>
    public IReadOnlyList<double> LengthScales { get; init; } = [1, 3, 10, 30];

    /// <summary>Noise-to-signal variance ratios (the nugget added to the kernel diagonal).</summary>
    public IReadOnlyList<double> Noise { get; init; } = [1e-4, 1e-3, 1e-2, 1e-1];

    /// <summary>
    /// Weights beta of a linear kernel <c>beta (z_a . z_b) / p</c> added to the stationary one, on the scaled
    /// features (a grid axis like the others); the default [0] is the stationary process alone. Not with <see cref="Ard"/>.
    /// </summary>
    public IReadOnlyList<double> LinearWeights { get; init; } = [0];

    /// <summary>Number of best grid points whose processes are averaged (1 = the best alone).</summary>
    public int Average { get; init; } = 3;

    /// <summary>The correlation function.</summary>
    public GaussianProcessKernel Kernel { get; init; } = GaussianProcessKernel.Exponential;

    /// <summary>
    /// Refine each chosen grid point with one length scale per feature (automatic relevance determination),
    /// fitted by maximising the marginal likelihood with a log-normal prior on the length-scale multipliers.
    /// </summary>
    public bool Ard { get; init; }

    /// <summary>Standard deviation of the log-normal prior on the ARD length-scale multipliers (relative to the grid point's length).</summary>
    public double ArdPriorSd { get; init; } = 1.0;

    /// <summary>Gradient steps (Adam) of the ARD fit.</summary>
    public int ArdIterations { get; init; } = 150;

    /// <summary>
    /// Refine each chosen grid point (scale exponent, length scale, nugget) continuously by maximising the marginal
    /// likelihood (Nelder-Mead), so the chosen process is not held to the grid's values or edges. Not with <see cref="Ard"/>.
    /// </summary>
    public bool Optimise { get; init; }

    /// <summary>Objective evaluations of each refinement (<see cref="Optimise"/>).</summary>
    public int OptimiseEvaluations { get; init; } = 120;

    /// <summary>How grid points are ranked.</summary>
    public GaussianProcessCriterion Criterion { get; init; } = GaussianProcessCriterion.MarginalLikelihood;
}
