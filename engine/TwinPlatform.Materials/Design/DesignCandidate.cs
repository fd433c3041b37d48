using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>One proposed material: its design variables, predicted distributions and how well it meets the goals.</summary>
/// <param name="Variables">The design vector, in the units of the model's features.</param>
/// <param name="Predictions">Predicted distribution of every property involved (in the property's unit).</param>
/// <param name="GoalProbabilities">Probability of meeting each goal, in goal order (normal distribution with the interval's equivalent standard deviation).</param>
/// <param name="JointProbability">Probability of meeting all goals, taking the goals as independent.</param>
/// <param name="Objectives">Value of each objective, in objective order.</param>
/// <param name="ParetoRank">1 for the Pareto set (no other feasible candidate is at least as good in every criterion and better in one).</param>
/// <param name="DomainDistance">Mahalanobis distance from the training data.</param>
/// <param name="ExpectedImprovement">Expected improvement over the best observed value (NaN unless next experiments were asked for).</param>
public sealed record DesignCandidate(
    double[] Variables,
    IReadOnlyDictionary<string, EnsemblePrediction> Predictions,
    double[] GoalProbabilities,
    double JointProbability,
    double[] Objectives,
    int ParetoRank,
    double DomainDistance,
    double ExpectedImprovement);
