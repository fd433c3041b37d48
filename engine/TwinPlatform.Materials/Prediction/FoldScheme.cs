namespace TwinPlatform.Materials.Prediction;

/// <summary>How rows are dealt to cross-validation folds.</summary>
public enum FoldScheme
{
    /// <summary>Groups shuffled with the seed and dealt to folds in turn (<see cref="GroupedKFold"/>).</summary>
    Grouped,

    /// <summary>
    /// Matbench's folds: scikit-learn <c>KFold(n_splits, shuffle=True, random_state=seed)</c> over the rows in
    /// file order, reproduced with <see cref="NumpyRandomState"/> (Matbench's seed is 18012019); every row is its own group.
    /// </summary>
    Matbench,
}
