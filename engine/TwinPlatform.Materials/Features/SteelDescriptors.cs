namespace TwinPlatform.Materials.Features;

/// <summary>
/// Metallurgical composition descriptors of steels: the carbon equivalent and sums and products of the
/// alloying elements that act together (solid-solution strengtheners, carbide and intermetallic
/// precipitate formers, the cobalt-molybdenum synergy of maraging steels).
/// </summary>
/// <remarks>
/// All descriptors except the carbon equivalent use atom fractions (0..1), since precipitation and
/// solid-solution effects scale with the number of solute atoms; the carbon equivalent is defined on mass
/// per cent and is computed from mass fractions (its value is in mass fraction, i.e. wt% / 100).
/// </remarks>
public static class SteelDescriptors
{
    /// <summary>Names of the descriptors, in order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "carbon_equivalent_iiw",
        "ni+co",
        "mo+w",
        "ti+al",
        "cr+mo+w",
        "co*mo",
        "ni*(ti+al)",
        "ti+nb+v",
        "c+n",
        "log_formers_per_interstitial",
        "alloy_total",
    ];

    /// <summary>
    /// Writes the descriptors of a composition into <paramref name="destination"/>.
    /// </summary>
    /// <param name="atom">Atom fraction of each element (adding to one).</param>
    /// <param name="mass">Mass fraction of each element (adding to one).</param>
    /// <param name="destination">At least <see cref="Names"/>.Count values.</param>
    public static void Compute(IReadOnlyList<KeyValuePair<string, double>> atom, IReadOnlyList<KeyValuePair<string, double>> mass, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(atom);
        ArgumentNullException.ThrowIfNull(mass);
        double X(string e) => Find(atom, e);
        double W(string e) => Find(mass, e);

        // IIW carbon equivalent (Dearden and O'Neill 1940, adopted by the International Institute of
        // Welding): CE = C + Mn/6 + (Cr + Mo + V)/5 + (Ni + Cu)/15, in wt%.
        destination[0] = W("C") + (W("Mn") / 6) + ((W("Cr") + W("Mo") + W("V")) / 5) + ((W("Ni") + W("Cu")) / 15);

        // Maraging-steel chemistry: Ni and Co in the martensite matrix, Mo and W forming Ni3Mo / Fe2Mo,
        // Ti and Al forming Ni3(Ti, Al); Co lowers the solubility of Mo and so raises the precipitate fraction.
        destination[1] = X("Ni") + X("Co");
        destination[2] = X("Mo") + X("W");
        destination[3] = X("Ti") + X("Al");
        destination[4] = X("Cr") + X("Mo") + X("W");
        destination[5] = X("Co") * X("Mo");
        destination[6] = X("Ni") * (X("Ti") + X("Al"));

        // Micro-alloying carbide/nitride formers and the interstitials they bind.
        var mc = X("Ti") + X("Nb") + X("V");
        var interstitial = X("C") + X("N");
        destination[7] = mc;
        destination[8] = interstitial;

        // Precipitate formers per interstitial atom (log, with a 1e-4 floor so carbon-free steels stay finite).
        var formers = mc + X("Mo") + X("W") + X("Al");
        destination[9] = Math.Log((formers + 1e-4) / (interstitial + 1e-4));

        // Total solute: everything but iron.
        destination[10] = 1 - X("Fe");
    }

    private static double Find(IReadOnlyList<KeyValuePair<string, double>> fractions, string element)
    {
        foreach (var (e, f) in fractions)
        {
            if (e == element)
            {
                return f;
            }
        }

        return 0;
    }
}
