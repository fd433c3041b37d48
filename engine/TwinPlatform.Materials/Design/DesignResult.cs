using TwinPlatform.Materials.Features;

namespace TwinPlatform.Materials.Design;

/// <summary>The outcome of an inverse design search.</summary>
/// <param name="Spec">What was asked.</param>
/// <param name="Variables">The design variables (the model's features).</param>
/// <param name="Units">Unit of each predicted property.</param>
/// <param name="Source">Where the predictions come from.</param>
/// <param name="Candidates">Ranked candidates: Pareto rank, then joint probability, then the first objective.</param>
/// <param name="Next">Proposed next experiments by expected improvement (empty unless asked).</param>
/// <param name="Evaluated">In-domain candidates evaluated during the search.</param>
/// <param name="Feasible">Of those, how many met the minimum joint probability.</param>
/// <param name="BestObserved">The best observed value the expected improvement is measured from, or NaN.</param>
/// <param name="Notes">Remarks for the reader (a limit outside the data, no feasible candidate).</param>
public sealed record DesignResult(
    DesignSpec Spec,
    IReadOnlyList<FeatureDescription> Variables,
    IReadOnlyDictionary<string, string> Units,
    string Source,
    IReadOnlyList<DesignCandidate> Candidates,
    IReadOnlyList<DesignCandidate> Next,
    int Evaluated,
    int Feasible,
    double BestObserved,
    IReadOnlyList<string> Notes)
{
    /// <summary>The candidates of the Pareto set (rank 1).</summary>
    public IEnumerable<DesignCandidate> ParetoSet => Candidates.Where(c => c.ParetoRank == 1);
}
