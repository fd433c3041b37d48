namespace TwinPlatform.Materials.Prediction;

/// <summary>How a <see cref="GaussianProcessRegressor"/> ranks the points of its hyperparameter grid.</summary>
public enum GaussianProcessCriterion
{
    /// <summary>Leave-one-group-out mean absolute error on the training rows (closed form).</summary>
    LeaveOneOut,

    /// <summary>Marginal likelihood of the training targets, with the process variance at its maximum.</summary>
    MarginalLikelihood,
}
