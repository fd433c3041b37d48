namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A bagged or cross-fitted tree ensemble whose members' out-of-bag predictions of the training rows are kept, so that a
/// blend or stack can choose its weights on them.
/// </summary>
public interface ITreeEnsemble : IIntervalRegressor
{
    /// <summary>
    /// After fitting: the out-of-bag mean and spread of every training row (NaN where fewer than two members left the row's
    /// group out); null for a loaded model.
    /// </summary>
    IReadOnlyList<(double Mean, double Spread)>? OutOfBag { get; }
}
