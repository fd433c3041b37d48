using TwinPlatform.Core.Graph;

namespace TwinPlatform.Twins.Validation;

/// <summary>
/// The death-valley verdict: validation at each level of the chain, in order, and the first level
/// where prediction and measurement part beyond their uncertainty.
/// </summary>
/// <param name="Levels">Material, component and system verdicts, in that order.</param>
/// <param name="CoverageFactor">k.</param>
public sealed record ChainVerdict(IReadOnlyList<LevelVerdict> Levels, double CoverageFactor)
{
    /// <summary>The first level that fails or has no evidence, or null when the whole chain holds.</summary>
    public TwinLevel? BreaksAt
    {
        get
        {
            foreach (var l in Levels)
            {
                if (!l.Passes)
                {
                    return l.Level;
                }
            }

            return null;
        }
    }

    /// <summary>One line for people.</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string>();
            foreach (var l in Levels)
            {
                parts.Add(l.Points.Count == 0
                    ? $"{l.Level.ToString().ToLowerInvariant()}: no evidence"
                    : $"{l.Level.ToString().ToLowerInvariant()}: {l.PassCount}/{l.Points.Count} pass");
            }

            var where = BreaksAt is { } b ? $"the chain breaks at the {b.ToString().ToLowerInvariant()} level" : "the chain holds at every level";
            return $"{string.Join("; ", parts)} (|E| <= {CoverageFactor:G3} u_val) - {where}";
        }
    }
}
