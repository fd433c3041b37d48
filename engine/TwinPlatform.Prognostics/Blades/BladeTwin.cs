using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Prognostics.Blades;

/// <summary>
/// Component twin of one compressor blade: its root stress follows the core speed through the
/// centrifugal ROM (σ ∝ ω²), its allowable follows temperature through the material passport, and it
/// keeps the yield margin and the fatigue life used (Miner's rule) cycle by cycle.
/// </summary>
/// <remarks>One state per blade (per engine), updated by one thread at a time; allocation-free per update. The ROM and material are shared and immutable.</remarks>
public sealed class BladeTwin
{
    private readonly BladeRom _rom;
    private readonly BladeMaterial _material;
    private readonly double _z;

    /// <summary>Creates the twin of a new blade (no damage).</summary>
    /// <param name="rom">The centrifugal stress ROM.</param>
    /// <param name="material">The blade material.</param>
    /// <param name="level">Central interval level of the yield strength used for <see cref="BladeState.MarginLower"/>. Default 0.90.</param>
    public BladeTwin(BladeRom rom, BladeMaterial material, double level = 0.90)
    {
        ArgumentNullException.ThrowIfNull(rom);
        ArgumentNullException.ThrowIfNull(material);
        _rom = rom;
        _material = material;
        _z = NormalDistribution.Quantile(0.5 + (level / 2.0));
        Level = level;
    }

    /// <summary>Interval level of the lower margin.</summary>
    public double Level { get; }

    /// <summary>The state after the latest cycle (default before the first).</summary>
    public BladeState Current { get; private set; }

    /// <summary>Cumulative Miner damage.</summary>
    public double Damage { get; private set; }

    /// <summary>Smallest mean margin seen.</summary>
    public double MinimumMargin { get; private set; } = double.PositiveInfinity;

    /// <summary>Cycles seen.</summary>
    public int CycleCount { get; private set; }

    /// <summary>Adds one engine cycle.</summary>
    /// <param name="cycle">Engine cycle.</param>
    /// <param name="coreSpeedRpm">Core speed, rpm (finite, non-negative).</param>
    /// <param name="temperatureK">Metal temperature, K (finite, positive).</param>
    /// <exception cref="ArgumentOutOfRangeException">A reading is not finite or out of range.</exception>
    public BladeState Update(int cycle, double coreSpeedRpm, double temperatureK)
    {
        if (!double.IsFinite(coreSpeedRpm) || coreSpeedRpm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(coreSpeedRpm), coreSpeedRpm, "the core speed must be finite and non-negative");
        }

        if (!double.IsFinite(temperatureK) || !(temperatureK > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperatureK), temperatureK, "the temperature must be finite and positive, K");
        }

        var stress = _rom.Description.StressConcentrationFactor * _rom.StressAt(BladeRom.RadPerS(coreSpeedRpm));
        var (yield, sd) = _material.Yield.At(temperatureK);
        var margin = stress > 0 ? (yield / stress) - 1.0 : double.PositiveInfinity;
        var lower = stress > 0 ? ((yield - (_z * sd)) / stress) - 1.0 : double.PositiveInfinity;
        var increment = _material.FatigueAt(temperatureK).ZeroToPeakDamage(stress);
        Damage += increment;
        CycleCount++;
        MinimumMargin = Math.Min(MinimumMargin, margin);
        Current = new BladeState(cycle, coreSpeedRpm, temperatureK, stress, yield, margin, lower, increment, Damage);
        return Current;
    }
}
