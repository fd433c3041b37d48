using TwinPlatform.Materials.Chemistry;

namespace TwinPlatform.Materials.Features;

/// <summary>
/// Composition descriptors in the manner of Magpie (L. Ward, A. Agrawal, A. Choudhary, C. Wolverton,
/// npj Comput. Mater. 2 (2016) 16028): atom-fraction-weighted statistics of tabulated element
/// properties, and stoichiometric attributes.
/// </summary>
public static class CompositionStatistics
{
    /// <summary>Names of the four statistics per element property, in order.</summary>
    public static readonly IReadOnlyList<string> StatisticNames = ["mean", "avg_dev", "min", "max"];

    /// <summary>Names of the stoichiometric descriptors, in order.</summary>
    public static readonly IReadOnlyList<string> StoichiometryNames =
        ["n_elements", "l2_norm", "l3_norm", "l5_norm", "l7_norm", "l10_norm", "mixing_entropy", "size_mismatch", "electronegativity_difference"];

    /// <summary>
    /// For each element property of <see cref="ElementTable.PropertyNames"/>, writes mean = sum x_i p_i,
    /// average deviation = sum x_i |p_i - mean|, and minimum and maximum over the elements present
    /// (x_i &gt; 0), into <paramref name="destination"/> (4 values per property).
    /// </summary>
    /// <param name="atomFractions">Element and atom fraction (adding to one).</param>
    /// <param name="destination">At least 4 x <see cref="ElementTable.PropertyNames"/> values.</param>
    /// <param name="table">The element table (default: <see cref="ElementTable.Default"/>).</param>
    /// <exception cref="KeyNotFoundException">An element is not in the table.</exception>
    public static void ElementStatistics(IReadOnlyList<KeyValuePair<string, double>> atomFractions, Span<double> destination, ElementTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(atomFractions);
        var t = table ?? ElementTable.Default;
        var properties = ElementTable.PropertyNames.Count;
        var elements = new ElementData[atomFractions.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = t[atomFractions[i].Key];
        }

        for (var p = 0; p < properties; p++)
        {
            double mean = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = 0; i < elements.Length; i++)
            {
                var x = atomFractions[i].Value;
                var v = ElementTable.Value(elements[i], p);
                mean += x * v;
                if (x > 0)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }

            double dev = 0;
            for (var i = 0; i < elements.Length; i++)
            {
                dev += atomFractions[i].Value * Math.Abs(ElementTable.Value(elements[i], p) - mean);
            }

            destination[(4 * p) + 0] = mean;
            destination[(4 * p) + 1] = dev;
            destination[(4 * p) + 2] = min;
            destination[(4 * p) + 3] = max;
        }
    }

    /// <summary>
    /// Writes the stoichiometric descriptors: number of elements present; the p-norms (sum x^p)^(1/p)
    /// for p = 2, 3, 5, 7, 10; the ideal mixing entropy -sum x ln x (in units of R); the atomic size
    /// mismatch delta = 100 sqrt(sum x (1 - r/r_mean)^2) with covalent radii; and the electronegativity
    /// difference sqrt(sum x (chi - chi_mean)^2) (Guo and Liu, Prog. Nat. Sci. 21 (2011) 433).
    /// </summary>
    /// <exception cref="KeyNotFoundException">An element is not in the table.</exception>
    public static void Stoichiometry(IReadOnlyList<KeyValuePair<string, double>> atomFractions, Span<double> destination, ElementTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(atomFractions);
        var t = table ?? ElementTable.Default;
        var n = 0;
        double entropy = 0, rMean = 0, chiMean = 0;
        Span<double> pSums = stackalloc double[5];
        ReadOnlySpan<double> powers = [2, 3, 5, 7, 10];
        foreach (var (e, x) in atomFractions)
        {
            if (x <= 0)
            {
                continue;
            }

            n++;
            entropy -= x * Math.Log(x);
            for (var k = 0; k < powers.Length; k++)
            {
                pSums[k] += Math.Pow(x, powers[k]);
            }

            rMean += x * t[e].CovalentRadiusPm;
            chiMean += x * t[e].Electronegativity;
        }

        double delta = 0, dChi = 0;
        foreach (var (e, x) in atomFractions)
        {
            if (x > 0)
            {
                var d = 1 - (t[e].CovalentRadiusPm / rMean);
                delta += x * d * d;
                var c = t[e].Electronegativity - chiMean;
                dChi += x * c * c;
            }
        }

        destination[0] = n;
        for (var k = 0; k < powers.Length; k++)
        {
            destination[1 + k] = Math.Pow(pSums[k], 1.0 / powers[k]);
        }

        destination[6] = entropy;
        destination[7] = 100 * Math.Sqrt(delta);
        destination[8] = Math.Sqrt(dChi);
    }
}
