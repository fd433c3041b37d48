namespace TwinPlatform.Prognostics.Blades;

/// <summary>
/// A stress-life (Basquin) curve through two points, the textbook construction of Shigley's
/// Mechanical Engineering Design (Budynas and Nisbett, ch. 6): the fully reversed strength is
/// <c>f·S_u</c> at 10³ cycles and the endurance strength <c>S_e</c> at <c>N_e</c> cycles, so
/// <c>S(N) = a N^b</c> with <c>b = log10(S_e / (f S_u)) / log10(N_e / 10³)</c>. Mean stress is handled
/// with the modified Goodman line: <c>σ_ar = σ_a / (1 - σ_m / S_u)</c>.
/// </summary>
/// <param name="UltimateStrengthPa">S_u, Pa.</param>
/// <param name="EnduranceStrengthPa">S_e, fully reversed, Pa.</param>
/// <param name="EnduranceCycles">N_e, cycles (for example 10⁷).</param>
/// <param name="LowCycleFraction">f: fraction of S_u at 10³ cycles (0.9 in Shigley for steels; a stated assumption for other alloys).</param>
public readonly record struct FatigueCurve(double UltimateStrengthPa, double EnduranceStrengthPa, double EnduranceCycles, double LowCycleFraction = 0.9)
{
    /// <summary>Cycles of the low-cycle anchor point.</summary>
    public const double LowCycleAnchor = 1e3;

    /// <summary>Basquin exponent b (negative).</summary>
    public double Exponent => Math.Log10(EnduranceStrengthPa / (LowCycleFraction * UltimateStrengthPa)) / Math.Log10(EnduranceCycles / LowCycleAnchor);

    /// <summary>
    /// Cycles to failure at fully reversed amplitude <paramref name="amplitudePa"/> from the Basquin line,
    /// extended beyond N_e (no endurance limit, the conservative choice for nickel alloys); +∞ at zero amplitude.
    /// </summary>
    public double CyclesToFailure(double amplitudePa)
    {
        if (!(amplitudePa > 0))
        {
            return double.PositiveInfinity;
        }

        // S = f Su (N / 1e3)^b  =>  N = 1e3 (S / (f Su))^(1/b).
        return LowCycleAnchor * Math.Pow(amplitudePa / (LowCycleFraction * UltimateStrengthPa), 1.0 / Exponent);
    }

    /// <summary>
    /// The Goodman-equivalent fully reversed amplitude of a cycle with amplitude <paramref name="amplitudePa"/>
    /// and mean <paramref name="meanPa"/>; +∞ when the mean reaches S_u.
    /// </summary>
    public double EquivalentAmplitude(double amplitudePa, double meanPa)
    {
        var r = 1.0 - (Math.Max(meanPa, 0.0) / UltimateStrengthPa);
        return r > 0 ? amplitudePa / r : double.PositiveInfinity;
    }

    /// <summary>
    /// Miner damage of one zero-to-peak cycle to <paramref name="peakPa"/> (a start-run-stop flight
    /// cycle: amplitude = mean = peak / 2): <c>1 / N(σ_ar)</c>.
    /// </summary>
    public double ZeroToPeakDamage(double peakPa)
    {
        var half = 0.5 * Math.Max(peakPa, 0.0);
        var n = CyclesToFailure(EquivalentAmplitude(half, half));
        return double.IsPositiveInfinity(n) ? 0.0 : 1.0 / n;
    }
}
