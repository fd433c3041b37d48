namespace TwinPlatform.Materials.Prediction;

/// <summary>Settings of a <see cref="StackedRegressor"/>: its members and the grid of stacking weights.</summary>
public sealed record StackOptions
{
    /// <summary>The Gaussian-process hyperparameter grid.</summary>
    public GaussianProcessOptions Process { get; init; } = new();

    /// <summary>Include a ridge regression on the standardised features as a third member.</summary>
    public bool Ridge { get; init; } = true;

    /// <summary>Ridge penalties to choose from by leave-one-out error (multiples of the number of rows).</summary>
    public IReadOnlyList<double> RidgePenalties { get; init; } = [1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1];

    /// <summary>
    /// 0: the process's out-of-sample predictions of the training rows are its closed-form leave-one-group-out
    /// predictions (hyperparameters chosen on all training rows). K &gt;= 2: the process is refitted, grid search
    /// included, on K-1 of K group folds of the training rows and predicts the remaining fold, so the weights see
    /// the process exactly as it will be used.
    /// </summary>
    public int ProcessRefitFolds { get; init; }

    /// <summary>
    /// Settings of a second tree ensemble on the trees' features (for example a FastForest random forest, for diversity),
    /// or null for none; its level, seed and parallelism follow the main ensemble's.
    /// </summary>
    public EnsembleOptions? Forest { get; init; }

    /// <summary>
    /// Values of k for a k-nearest-neighbour member on the process's features (chosen by leave-one-out error), or null for none.
    /// </summary>
    public IReadOnlyList<int>? NearestNeighbours { get; init; }

    /// <summary>
    /// Add a member that predicts the trees' mean plus a Gaussian process (same grid, process features) fitted to the trees'
    /// out-of-bag residuals: regression kriging, the process correcting the trees' local bias instead of being averaged with them.
    /// </summary>
    public bool ResidualProcess { get; init; }

    /// <summary>
    /// Choose two weight vectors instead of one: one on the training rows whose out-of-sample process sd is at most its median
    /// (rows near the training data), one on the others, each by the MAE of its own rows; a query takes the vector its own
    /// process sd points to, so the stack can lean on the process near the data and on the trees away from it.
    /// </summary>
    public bool GateByProcessSd { get; init; }

    /// <summary>Step of the weight grid on the simplex (weights are non-negative multiples of it adding to one).</summary>
    public double WeightStep { get; init; } = 0.05;
}
