using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Simulation.Solving;

/// <summary>Differences between two solutions for one step.</summary>
/// <param name="StepNumber">1-based deck step.</param>
/// <param name="Kind">Procedure.</param>
/// <param name="Fields">One entry per nodal field both solutions hold.</param>
/// <param name="Frequencies">One entry per mode both solutions hold.</param>
public sealed record StepComparison(int StepNumber, DeckStepKind Kind, IReadOnlyList<FieldDifference> Fields, IReadOnlyList<FrequencyDifference> Frequencies)
{
    /// <summary>One entry per integration-point table (<c>*EL PRINT</c> S, HFL) both solutions hold.</summary>
    public IReadOnlyList<PointDifference> Points { get; init; } = [];

    /// <summary>The entry for point table <paramref name="field"/> ("stress", "heat_flux"), or null.</summary>
    public PointDifference? PointTable(string field)
    {
        foreach (var p in Points)
        {
            if (p.Field == field)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The entry for <paramref name="field"/>, or null.</summary>
    public FieldDifference? Field(string field)
    {
        foreach (var f in Fields)
        {
            if (f.Field == field)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>Largest relative frequency difference over the modes (0 without modes).</summary>
    public double MaxFrequencyRelative
    {
        get
        {
            var max = 0.0;
            foreach (var f in Frequencies)
            {
                max = Math.Max(max, f.Relative);
            }

            return max;
        }
    }
}
