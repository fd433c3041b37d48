using TwinPlatform.Core.Graph;

namespace TwinPlatform.Twins.Validation;

/// <summary>The validation outcome of one level of the chain.</summary>
/// <param name="Level">Material, component or system.</param>
/// <param name="Points">Every comparison at this level.</param>
public sealed record LevelVerdict(TwinLevel Level, IReadOnlyList<ValidationResult> Points)
{
    /// <summary>True when there is evidence and every comparison passes.</summary>
    public bool Passes
    {
        get
        {
            if (Points.Count == 0)
            {
                return false;
            }

            foreach (var p in Points)
            {
                if (!p.Passes)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Comparisons that pass.</summary>
    public int PassCount
    {
        get
        {
            var n = 0;
            foreach (var p in Points)
            {
                n += p.Passes ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The comparison with the largest |S| of each quantity: the headline figures.</summary>
    public IReadOnlyList<ValidationResult> Headline
    {
        get
        {
            var best = new Dictionary<string, ValidationResult>(StringComparer.Ordinal);
            foreach (var p in Points)
            {
                var key = p.Twin + "/" + p.Quantity;
                if (!best.TryGetValue(key, out var b) || Math.Abs(p.Simulation) > Math.Abs(b.Simulation))
                {
                    best[key] = p;
                }
            }

            return [.. best.Values];
        }
    }

    /// <summary>Largest |E| / u_val at this level.</summary>
    public double MaxNormalizedError
    {
        get
        {
            double m = 0;
            foreach (var p in Points)
            {
                m = Math.Max(m, p.NormalizedError);
            }

            return m;
        }
    }
}
